package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.checkingest.evidence.domain.CheckDetails;
import dev.greenlight.checkingest.evidence.domain.CheckReport;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Service;

/**
 * Accepts check results: every item must be within the caller's publisher scope, about a
 * registered release, and not from the future; only then is the whole batch published, atomically.
 * One bad item refuses the request, so a client never has to work out which half got through.
 */
@Service
public class ReportChecks {

    private final EvidenceEvents events;
    private final Releases releases;
    private final Clock clock;
    private final IngestProperties properties;

    ReportChecks(EvidenceEvents events, Releases releases, Clock clock, IngestProperties properties) {
        this.events = events;
        this.releases = releases;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Publishes the checks with source {@code api}; the future completes with the stored events in
     * request order once the broker acknowledged them. Invalid or unauthorized input throws at once.
     */
    public CompletableFuture<List<CheckReported>> report(Batch<CheckReport> batch, Actor actor) {
        return reportAsync(batch, actor, "api");
    }

    /** As {@link #report(Batch, Actor)}, returning once stored (webhook deliveries answer synchronously). */
    public List<CheckReported> report(Batch<CheckReport> batch, Actor actor, String source) {
        try {
            return reportAsync(batch, actor, source).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private CompletableFuture<List<CheckReported>> reportAsync(Batch<CheckReport> batch, Actor actor, String source) {
        Instant now = clock.instant();
        List<CheckReported> stored = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            CheckReport check = batch.items().get(i);
            String prefix = Batch.prefix(batch.array(), i);
            PublisherScope.require(actor, check.target());
            Timestamps.notInFuture(prefix + "startedAt", check.startedAt(), now, properties.maxClockSkew());
            Timestamps.notInFuture(prefix + "completedAt", check.completedAt(), now, properties.maxClockSkew());
            String version = check.version().toString();
            if (releases.find(check.target(), version).isEmpty()) {
                throw new UnknownReleaseException(check.target() + "@" + version, prefix + "version");
            }
            stored.add(event(check, actor, now, source));
        }
        return events.publishChecks(stored).thenApply(acknowledged -> stored);
    }

    private static CheckReported event(CheckReport check, Actor actor, Instant now, String source) {
        String eventId = check.eventId().orElseGet(() -> ContentIds.of("check", check.target(), check.version(),
                check.name(), check.status(), check.revision(), check.startedAt(), check.completedAt(),
                check.url().orElse(null), check.summary().orElse(null), check.details()));
        return CheckReported.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(check.completedAt())
                        .setPrincipal(actor.name()).build())
                .setTarget(check.target())
                .setVersion(check.version().toString())
                .setName(check.name())
                .setStatus(check.status())
                .setRevision(check.revision())
                .setStartedAt(check.startedAt())
                .setCompletedAt(check.completedAt())
                .setUrl(check.url().orElse(null))
                .setSummary(check.summary().orElse(null))
                .setDetails(CheckDetails.numbers(check.details()))
                .setSource(source)
                .setStructuredDetails(check.details().isEmpty() ? null : new LinkedHashMap<>(check.details()))
                .build();
    }
}
