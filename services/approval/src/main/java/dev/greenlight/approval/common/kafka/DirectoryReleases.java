package dev.greenlight.approval.common.kafka;

import dev.greenlight.approval.common.application.NotReadyException;
import dev.greenlight.approval.common.application.Release;
import dev.greenlight.approval.common.application.Releases;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.releases.ReleaseDirectory;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Releases as the shared platform directory rebuilt them from the releases topic. "Unknown" is
 * only answered once the directory has read the whole topic: right after a start, a release that
 * exists must not be reported missing.
 */
@Component
class DirectoryReleases implements Releases {

    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(5);

    private final ReleaseDirectory directory;

    DirectoryReleases(ReleaseDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Release> find(String target, String version) {
        Optional<ReleaseRegistered> found = directory.find(target, version);
        if (found.isEmpty() && !directory.awaitCaughtUp(CATCH_UP_WAIT)) {
            throw new NotReadyException("the release directory is still reading the releases topic");
        }
        return found.or(() -> directory.find(target, version))
                .map(r -> new Release(r.getTarget(), r.getVersion(), r.getRevision(), r.getAuthor()));
    }
}
