package dev.greenlight.checkingest.release.application;

import dev.greenlight.checkingest.evidence.application.PublisherScope;
import dev.greenlight.checkingest.evidence.application.Releases;
import dev.greenlight.checkingest.release.domain.ReleaseCandidate;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.platform.security.UserDirectory;
import dev.greenlight.identity.Identity;
import dev.greenlight.identity.Person;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;

/**
 * Registers a release candidate: turns it into a {@code ReleaseRegistered} fact and publishes it,
 * if the caller is a publisher scoped to the release's target and may bind it to its policy
 * ({@link PolicyBinding}).
 *
 * <p>The author is a person, not a string: the name the publisher gave (a user id, GitHub login or
 * e-mail, already canonical) is resolved against the directory of known users and aliases, and the
 * release records the person's primary name as {@code author} and their other names as
 * {@code authorAliases}, so four-eyes recognises them under any of those names.
 *
 * <p>A release is immutable. Registering it again with identical content is answered with the
 * existing registration and publishes nothing; with different content it is refused (409) naming
 * the fields that differ. The check reads the shared release directory, so two concurrent requests
 * for the same release are serialised by a per-release lock and the winner waits until the
 * directory shows its own write before releasing the lock. This only protects one instance: across
 * several check-ingest instances two conflicting registrations can both be published, and then the
 * gate-evaluator's (and the directory's) first-registration-wins fold of the releases topic is the
 * final arbiter.
 *
 * <p>The event id is derived from the release's content, so even such a race between identical
 * requests yields one event id that consumers count once.
 */
@Service
public class RegisterRelease {

    private final ReleaseEvents events;
    private final Releases releases;
    private final UserDirectory people;
    private final Clock clock;
    private final PolicyBinding policies;
    /** One small lock per release id ever registered here: bounded by the number of releases, like the directory. */
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    RegisterRelease(ReleaseEvents events, Releases releases, UserDirectory people, Clock clock,
                    PolicyBinding policies) {
        this.events = events;
        this.releases = releases;
        this.people = people;
        this.clock = clock;
        this.policies = policies;
    }

    public Registration register(ReleaseCandidate given, Actor actor) {
        PublisherScope.require(actor, given.target());
        policies.authorize(given, actor);
        Person author = people.resolve(given.author());
        ReleaseCandidate candidate = new ReleaseCandidate(given.target(), given.version(), given.type(),
                given.revision(), author.name(), given.changelog(), given.policy(), given.previousVersion());
        ReentrantLock lock = locks.computeIfAbsent(candidate.releaseId(), id -> new ReentrantLock());
        lock.lock();
        try {
            Optional<ReleaseRegistered> existing = releases.find(candidate.target(), candidate.version().toString());
            if (existing.isPresent()) {
                List<String> differing = differingFields(existing.get(), candidate);
                if (!differing.isEmpty()) {
                    throw new ConflictingReleaseException(candidate.releaseId(), differing);
                }
                return new Registration(existing.get(), false);
            }
            ReleaseRegistered event = event(candidate, authorAliases(author, given.author()), actor);
            events.publish(event);
            releases.awaitVisible(candidate.target(), candidate.version().toString());
            return new Registration(event, true);
        } finally {
            lock.unlock();
        }
    }

    /** Every other name of the author, the one the publisher gave included, sorted for a stable event. */
    private static List<String> authorAliases(Person author, String given) {
        Set<String> aliases = new TreeSet<>(author.aliases());
        aliases.add(given);
        aliases.remove(author.name());
        return List.copyOf(aliases);
    }

    private ReleaseRegistered event(ReleaseCandidate candidate, List<String> authorAliases, Actor actor) {
        return ReleaseRegistered.newBuilder()
                .setMeta(EventMetadata.newBuilder()
                        .setEventId(contentId(candidate))
                        .setOccurredAt(clock.instant())
                        .setPrincipal(actor.name())
                        .build())
                .setTarget(candidate.target())
                .setVersion(candidate.version().toString())
                .setReleaseType(candidate.type())
                .setRevision(candidate.revision())
                .setAuthor(candidate.author())
                .setAuthorAliases(authorAliases)
                .setChangelog(candidate.changelog().orElse(null))
                .setPolicy(candidate.policy().orElse(null))
                .setPreviousVersion(candidate.previousVersion().map(Object::toString).orElse(null))
                .build();
    }

    private static List<String> differingFields(ReleaseRegistered existing, ReleaseCandidate candidate) {
        List<String> differing = new ArrayList<>();
        if (existing.getReleaseType() != candidate.type()) {
            differing.add("type");
        }
        if (!existing.getRevision().equals(candidate.revision())) {
            differing.add("revision");
        }
        if (!Identity.same(existing.getAuthor(), candidate.author())) {
            differing.add("author");
        }
        if (!Objects.equals(existing.getChangelog(), candidate.changelog().orElse(null))) {
            differing.add("changelog");
        }
        if (!Objects.equals(existing.getPolicy(), candidate.policy().orElse(null))) {
            differing.add("policy");
        }
        if (!Objects.equals(existing.getPreviousVersion(), candidate.previousVersion().map(Object::toString).orElse(null))) {
            differing.add("previousVersion");
        }
        return differing;
    }

    private static String contentId(ReleaseCandidate candidate) {
        String content = String.join("\n", "release", candidate.target(), candidate.version().toString(),
                candidate.type().name(), candidate.revision(), candidate.author(),
                candidate.changelog().orElse(""), candidate.policy().orElse(""));
        // Appended only when given, so registrations made before the field existed keep their ids.
        content += candidate.previousVersion().map(before -> "\nreplaces " + before).orElse("");
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
