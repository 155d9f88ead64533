package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.approve;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.release;
import static dev.greenlight.policy.engine.Given.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.DateRangeBlackout;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.WeeklyBlackout;
import dev.greenlight.policy.model.WindowCriterion;
import dev.greenlight.policy.model.YearlyBlackout;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowCriterionTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WindowCriterion HOLIDAYS = new WindowCriterion(common("blackout"), BERLIN,
            List.of(new YearlyBlackout(MonthDay.of(12, 20), MonthDay.of(1, 5))), Set.of("management"),
            Set.of(ReleaseType.HOTFIX));
    private static final WindowCriterion WEEKEND = new WindowCriterion(common("weekend"), BERLIN,
            List.of(new WeeklyBlackout(DayOfWeek.FRIDAY, LocalTime.of(16, 0), DayOfWeek.MONDAY, LocalTime.of(8, 0))),
            Set.of(), Set.of());

    private static Instant berlin(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant();
    }

    @Test
    void givenNewYearsEve_thenPendingUntilJan6MidnightLocal() {
        CriterionResult result = result(evidence(), berlin(2026, 12, 31, 12, 0), HOLIDAYS);

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.nextChangeAt()).isEqualTo(berlin(2027, 1, 6, 0, 0));
    }

    @Test
    void givenBothEndDays_thenInsideBecauseYearlyDatesAreInclusive() {
        assertThat(result(evidence(), berlin(2026, 12, 20, 0, 0), HOLIDAYS).status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result(evidence(), berlin(2027, 1, 5, 23, 59), HOLIDAYS).status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result(evidence(), berlin(2027, 1, 6, 0, 0), HOLIDAYS).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void givenDayBeforeBlackout_thenPassUntilItStarts() {
        CriterionResult result = result(evidence(), berlin(2026, 12, 19, 23, 0), HOLIDAYS);

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.nextChangeAt()).isEqualTo(berlin(2026, 12, 20, 0, 0));
    }

    @Test
    void givenHotfixInBlackout_thenOverriddenByReleaseType() {
        Evidence hotfix = Evidence.of(release(ReleaseType.HOTFIX));

        CriterionResult result = result(hotfix, berlin(2026, 12, 24, 10, 0), HOLIDAYS);

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.reason()).contains("does not apply to HOTFIX");
    }

    @Test
    void givenOverrideRoleApproval_thenPassCitingIt() {
        Instant at = berlin(2026, 12, 24, 10, 0);
        var e = evidence().withApprovals(List.of(approve("a1", "management", "mia", at.minusSeconds(60))));

        CriterionResult result = result(e, at, HOLIDAYS);

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.evidenceIds()).containsExactly("a1");
    }

    @Test
    void givenWeeklyWindow_thenStartInclusiveEndExclusive() {
        // 2026-03-13 is a Friday, 2026-03-16 a Monday.
        assertThat(result(evidence(), berlin(2026, 3, 13, 15, 59), WEEKEND).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result(evidence(), berlin(2026, 3, 13, 16, 0), WEEKEND).status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result(evidence(), berlin(2026, 3, 15, 12, 0), WEEKEND).status()).isEqualTo(CriterionStatus.PENDING);
        CriterionResult monday = result(evidence(), berlin(2026, 3, 16, 8, 0), WEEKEND);
        assertThat(monday.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(monday.nextChangeAt()).isEqualTo(berlin(2026, 3, 20, 16, 0));
    }

    @Test
    void givenOneOffDateRange_thenBothDaysInclusive() {
        var event = new WindowCriterion(common("event"), BERLIN,
                List.of(new DateRangeBlackout(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3))), Set.of(), Set.of());

        assertThat(result(evidence(), berlin(2026, 3, 3, 23, 0), event).status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result(evidence(), berlin(2026, 3, 4, 0, 0), event).status()).isEqualTo(CriterionStatus.PASS);
    }
}
