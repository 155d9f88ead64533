package dev.greenlight.approval.approvals.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.approval.approvals.domain.SignOffRequest;
import dev.greenlight.approval.approvals.domain.SignOffRules;
import dev.greenlight.approval.approvals.domain.SignOffs;
import dev.greenlight.approval.approvals.domain.Verdict;
import dev.greenlight.approval.common.application.RefusalEvents;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.application.Release;
import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.platform.failures.NotFoundException;
import dev.greenlight.platform.failures.NotPermittedException;
import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.refusals.RefusalThrottle;
import dev.greenlight.platform.security.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The order of effects: a refusal is stored before it is answered, and a repeat publishes nothing. */
class RecordSignOffTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final List<SpecificRecord> published = new ArrayList<>();
    private final Actor bob = new Actor("bob", Set.of("auditor"), List.of());
    private final Actor alice = new Actor("alice", Set.of("auditor"), List.of());

    @Test
    void aRefusalIsStoredAsActionRefusedBeforeTheCallerIsAnswered() {
        // given alice authored the release
        RecordSignOff service = service(published::add);
        // when she approves it herself
        assertThatThrownBy(() -> service.signOff(approve(), alice)).isInstanceOf(NotPermittedException.class);
        // then the attempt is on record, and nothing else
        assertThat(published).singleElement().isInstanceOfSatisfying(ActionRefused.class, refused -> {
            assertThat(refused.getAttemptedBy()).isEqualTo("alice");
            assertThat(refused.getAction()).isEqualTo("APPROVE");
        });
    }

    @Test
    void whenTheRefusalCannotBeStoredTheCallerIsToldToRetryNotRefused() {
        RecordSignOff service = service(event -> {
            throw new EventNotStoredException("greenlight.approvals", new RuntimeException("broker down"));
        });

        assertThatThrownBy(() -> service.signOff(approve(), alice)).isInstanceOf(EventNotStoredException.class);
        assertThat(published).isEmpty();
    }

    @Test
    void repeatingAStandingApprovalReturnsItWithoutPublishingAgain() {
        // given
        RecordSignOff service = service(published::add);
        SignOffOutcome first = service.signOff(approve(), bob);
        // when
        SignOffOutcome second = service.signOff(approve(), bob);
        // then
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.signOff().eventId()).isEqualTo(first.signOff().eventId());
        assertThat(published).singleElement().isInstanceOf(ApprovalGranted.class);
    }

    @Test
    void anUnregisteredReleaseIsNotFoundAndNothingIsPublished() {
        RecordSignOff service = service(published::add);
        SignOffRequest unknown = new SignOffRequest("ict-qm", "9.9.9", "auditor", Verdict.APPROVE, Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> service.signOff(unknown, bob)).isInstanceOf(NotFoundException.class);
        assertThat(published).isEmpty();
    }

    private RecordSignOff service(RefusalEvents refusalEvents) {
        return new RecordSignOff(
                (target, version) -> version.equals("2.1.0")
                        ? Optional.of(new Release(target, version, "abcdef1", "alice")) : Optional.empty(),
                new SignOffs(), new SignOffRules(), (target, event) -> published.add(event),
                new Refusals(refusalEvents, new RefusalThrottle(clock, 100, new SimpleMeterRegistry()), clock), clock);
    }

    private static SignOffRequest approve() {
        return new SignOffRequest("ict-qm", "2.1.0", "auditor", Verdict.APPROVE, Optional.empty(), Optional.empty());
    }
}
