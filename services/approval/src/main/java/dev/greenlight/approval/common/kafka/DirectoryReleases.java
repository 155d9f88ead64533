package dev.greenlight.approval.common.kafka;

import dev.greenlight.approval.common.application.Release;
import dev.greenlight.approval.common.application.Releases;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.failures.NotReadyException;
import dev.greenlight.platform.releases.ReleaseDirectory;
import dev.greenlight.platform.security.UserDirectory;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
    private final UserDirectory people;

    DirectoryReleases(ReleaseDirectory directory, UserDirectory people) {
        this.directory = directory;
        this.people = people;
    }

    @Override
    public Optional<Release> find(String target, String version) {
        Optional<ReleaseRegistered> found = directory.find(target, version);
        if (found.isEmpty() && !directory.awaitCaughtUp(CATCH_UP_WAIT)) {
            throw new NotReadyException("the release directory is still reading the releases topic");
        }
        return found.or(() -> directory.find(target, version))
                .map(r -> new Release(r.getTarget(), r.getVersion(), r.getRevision(), r.getAuthor(), aliases(r)));
    }

    /**
     * The aliases recorded at registration, plus those this service's directory knows for the
     * author now: an alias declared after the release was registered still binds four-eyes.
     */
    private Set<String> aliases(ReleaseRegistered release) {
        Set<String> aliases = new HashSet<>(release.getAuthorAliases());
        people.person(release.getAuthor()).ifPresent(person -> {
            aliases.add(person.name());
            aliases.addAll(person.aliases());
        });
        return aliases;
    }
}
