package dev.greenlight.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DecisionTableTest {

    @Test
    void everyReasonStartsInOneColumnHowEverLongTheObservedValues() {
        StringWriter printed = new StringWriter();
        DecisionTable.print(new PrintWriter(printed, true), JsonMapper.builder().build().readTree("""
                {"stage": "live-10", "outcome": "HOLD", "evaluatedAt": "2026-11-22T10:00:00Z",
                 "missing": ["approval:human-review"],
                 "criteria": [
                   {"name": "validation-48h", "status": "PASS", "observed": "2 of 2 PASS, latest PASS 0m ago",
                    "threshold": "2 consecutive PASS runs >= 48h", "reason": "validation-48h passed"},
                   {"name": "policy-entropy", "status": "PASS", "observed": "0.93", "threshold": ">= 0.9",
                    "reason": "latest(policy_entropy) = 0.93 >= 0.9"},
                   {"name": "human-review", "status": "PENDING", "observed": null, "threshold": null,
                    "reason": "needs release-captain"}]}"""));

        List<String> rows = printed.toString().lines().filter(l -> l.startsWith("    ") && !l.contains("missing"))
                .toList();
        assertThat(rows).hasSize(4);
        List<Integer> reasonColumns = List.of(rows.get(0).indexOf("REASON"), rows.get(1).indexOf("validation-48h passed"),
                rows.get(2).indexOf("latest(policy_entropy)"), rows.get(3).indexOf("needs release-captain"));
        assertThat(reasonColumns).allMatch(column -> column.equals(reasonColumns.get(0)));
        assertThat(printed.toString()).contains("still missing: approval:human-review");
    }
}
