package dev.greenlight.approval.common.application;

import dev.greenlight.platform.failures.NotFoundException;
import java.util.Optional;

/**
 * The registered releases, as check-ingest recorded them on the releases topic. Sign-offs and
 * waivers are only accepted for a known release, whose author (four-eyes) and revision (what the
 * reviewer looked at) come from here, never from the request.
 */
public interface Releases {

    Optional<Release> find(String target, String version);

    default Release require(String target, String version) {
        return find(target, version).orElseThrow(() -> new NotFoundException(
                "release " + target + "@" + version + " is not registered"));
    }
}
