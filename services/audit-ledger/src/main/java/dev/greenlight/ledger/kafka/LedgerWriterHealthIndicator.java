package dev.greenlight.ledger.kafka;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while the ledger writer cannot record: the schema registry has been unavailable for longer
 * than {@code greenlight.ledger.registry-outage-down-after} (records wait, unrecorded, for it to come
 * back), or the writer made no progress for {@code greenlight.ledger.stall-down-after} while there
 * was something to read (it keeps failing and starting over). A ledger that silently stops
 * recording is the failure an audit log must never hide, so it is what the health check shows.
 */
final class LedgerWriterHealthIndicator implements HealthIndicator {

    private final LedgerWriterStatus status;
    private final LedgerProperties properties;

    LedgerWriterHealthIndicator(LedgerWriterStatus status, LedgerProperties properties) {
        this.status = status;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Optional<Duration> outage = status.registryUnavailableFor();
        Duration sinceProgress = status.sinceProgress();
        Health.Builder health;
        if (outage.isPresent() && outage.get().compareTo(properties.registryOutageDownAfter()) >= 0) {
            health = Health.down().withDetail("reason", "schema registry unavailable for " + outage.get().toSeconds()
                    + " s; source records wait unrecorded (none is skipped)");
        } else if (sinceProgress.compareTo(properties.stallDownAfter()) >= 0) {
            health = Health.down().withDetail("reason", "no progress for " + sinceProgress.toSeconds()
                    + " s while source records wait");
        } else {
            health = Health.up();
        }
        outage.ifPresent(d -> health.withDetail("registryUnavailableSeconds", d.toSeconds()));
        health.withDetail("secondsSinceProgress", sinceProgress.toSeconds());
        if (!status.lastProblem().isEmpty()) {
            health.withDetail("lastProblem", status.lastProblem());
        }
        return health.build();
    }
}
