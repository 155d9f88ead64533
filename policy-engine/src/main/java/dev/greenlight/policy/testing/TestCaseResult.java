package dev.greenlight.policy.testing;

import dev.greenlight.policy.engine.Decision;
import java.util.List;

/**
 * The result of one policy test case: which expectations did not hold, plus the decision so a
 * failing case can be explained.
 *
 * @param failures one line per unmet expectation; empty when the case passed
 */
public record TestCaseResult(String file, int line, String name, List<String> failures, Decision decision) {

    public TestCaseResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** {@code file:line: case name} — where to look. */
    public String location() {
        return file + ":" + line + ": " + name;
    }
}
