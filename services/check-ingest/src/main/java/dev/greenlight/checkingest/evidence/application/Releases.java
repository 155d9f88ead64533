package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.releases.ReleaseDirectory;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The release directory as the application layer needs it: never answering before it is loaded. */
@Component
public class Releases {

    private final ReleaseDirectory directory;
    private final IngestProperties properties;

    Releases(ReleaseDirectory directory, IngestProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    public Optional<ReleaseRegistered> find(String target, String version) {
        ready();
        return directory.find(target, version);
    }

    public List<ReleaseRegistered> findByRevision(String revision) {
        ready();
        return directory.findByRevision(null, revision);
    }

    /** Waits until a registration this instance just published is visible, so the next request sees it. */
    public void awaitVisible(String target, String version) {
        directory.readYourWrite(target, version, properties.releaseLookupTimeout());
    }

    private void ready() {
        if (!directory.awaitCaughtUp(properties.releaseLookupTimeout())) {
            throw new ReleasesNotLoadedException();
        }
    }
}
