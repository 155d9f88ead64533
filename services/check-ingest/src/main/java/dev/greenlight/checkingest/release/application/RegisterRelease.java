package dev.greenlight.checkingest.release.application;

import dev.greenlight.checkingest.release.domain.ReleaseCandidate;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.security.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Registers a release candidate: turns it into a {@code ReleaseRegistered} fact and publishes it,
 * if the caller is a publisher scoped to the release's target.
 * The event id is derived from the release's content, so a client retrying the same registration
 * produces the same event id and downstream consumers count it once.
 */
@Service
public class RegisterRelease {

    private final ReleaseEvents events;
    private final Clock clock;

    RegisterRelease(ReleaseEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public ReleaseRegistered register(ReleaseCandidate candidate, Actor actor) {
        if (!actor.mayPublishFor(candidate.target())) {
            throw new NotPermittedException(actor.name() + " may not publish for target '" + candidate.target()
                    + "': publisher scopes are " + actor.targets());
        }
        ReleaseRegistered event = ReleaseRegistered.newBuilder()
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
                .setChangelog(candidate.changelog().orElse(null))
                .setPolicy(candidate.policy().orElse(null))
                .build();
        events.publish(event);
        return event;
    }

    private static String contentId(ReleaseCandidate candidate) {
        String content = String.join("\n", "release", candidate.target(), candidate.version().toString(),
                candidate.type().name(), candidate.revision(), candidate.author(),
                candidate.changelog().orElse(""), candidate.policy().orElse(""));
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
