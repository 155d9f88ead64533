package dev.greenlight.checkingest.evidence.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of what check-ingest accepts.
 *
 * @param maxClockSkew    how far in the future a reported timestamp may lie (clocks of CI runners
 *                        drift; a timestamp beyond this is a bug or a forgery and would make
 *                        evidence look fresh for longer than it is)
 * @param releaseLookupTimeout how long a request waits for the release directory to load or to
 *                        see a registration before answering
 * @param maxBatchSize    most items in one batch request
 * @param maxBodySize     largest request body accepted (413 above it)
 * @param policyOverrideRole role a caller needs to register a release under a governing policy
 *                        other than the default one (naming a policy that does not govern the
 *                        release is refused for everyone)
 * @param batchCommitters Kafka transactions in flight at once for requests of several events; each
 *                        commits every batch waiting when it starts (group commit)
 * @param singleLinger    how long the shared producer of one-event requests lets a record wait for
 *                        others to travel with ({@code linger.ms}): a few milliseconds of latency
 *                        buy fewer, fuller produce requests under load
 */
@ConfigurationProperties("greenlight.ingest")
public record IngestProperties(@DefaultValue("5m") Duration maxClockSkew,
                               @DefaultValue("10s") Duration releaseLookupTimeout,
                               @DefaultValue("1000") int maxBatchSize,
                               @DefaultValue("1MB") DataSize maxBodySize,
                               @DefaultValue("release-captain") String policyOverrideRole,
                               @DefaultValue("2") int batchCommitters,
                               @DefaultValue("5ms") Duration singleLinger) {
}
