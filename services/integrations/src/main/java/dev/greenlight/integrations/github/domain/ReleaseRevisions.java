package dev.greenlight.integrations.github.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each registered release's revision (the commit SHA of {@code ReleaseRegistered.revision}), latest
 * registration wins — what a commit status is posted on and what a deployment's SHA is matched to.
 */
public class ReleaseRevisions {

    private final Map<String, String> byRelease = new ConcurrentHashMap<>();

    public void record(String target, String version, String revision) {
        byRelease.put(target + "\u0000" + version, revision.toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<String> revision(String target, String version) {
        return Optional.ofNullable(byRelease.get(target + "\u0000" + version));
    }
}
