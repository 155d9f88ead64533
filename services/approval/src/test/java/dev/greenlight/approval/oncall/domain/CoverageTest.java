package dev.greenlight.approval.oncall.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.platform.failures.InvalidFieldException;
import dev.greenlight.platform.security.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void onlyTheOnCallRoleMayAcknowledge() {
        CoverageRules rules = new CoverageRules();

        assertThat(rules.mayAcknowledge(new Actor("erin", Set.of("on-call"), List.of())).granted()).isTrue();
        assertThat(rules.mayAcknowledge(new Actor("alice", Set.of("engineer"), List.of())).reason())
                .contains("alice").contains("on-call");
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> window("2026-11-22T12:00:00Z", "2026-11-22T12:00:00Z"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("windowEnd must be after windowStart");
    }

    @Test
    void aWindowThatIsAlreadyOverIsRefusedButOneUnderWayIsFine() {
        assertThatThrownBy(() -> window("2026-11-22T08:00:00Z", "2026-11-22T09:00:00Z").validAt(NOW))
                .hasMessageContaining("windowEnd must be in the future");
        assertThat(window("2026-11-22T09:00:00Z", "2026-11-22T11:00:00Z").validAt(NOW)).isNotNull();
    }

    @Test
    void aWindowEndingMoreThanAYearAheadIsRefusedAsATypo() {
        assertThatThrownBy(() -> window("2026-11-22T12:00:00Z", "2027-12-22T12:00:00Z").validAt(NOW))
                .hasMessageContaining("days in the future");
    }

    private static CoverageRequest window(String start, String end) {
        return new CoverageRequest("ict-qm", Optional.empty(), Instant.parse(start), Instant.parse(end));
    }
}
