package dev.greenlight.checkingest.webhook.github;

import dev.greenlight.events.CheckStatus;
import java.util.Locale;

/**
 * GitHub conclusions as Greenlight check statuses.
 *
 * <pre>
 * success                                 → PASS
 * failure, timed_out, startup_failure     → FAIL   (the run judged the release, or it ran out of time)
 * neutral, skipped                        → WARN   (finished without a verdict of failure; policy decides)
 * cancelled, stale, action_required, other → ERROR (no verdict was produced; gates treat it as not passed)
 * </pre>
 */
final class GithubConclusions {

    private GithubConclusions() {
    }

    static CheckStatus status(String conclusion) {
        return switch (conclusion == null ? "" : conclusion.toLowerCase(Locale.ROOT)) {
            case "success" -> CheckStatus.PASS;
            case "failure", "timed_out", "startup_failure" -> CheckStatus.FAIL;
            case "neutral", "skipped" -> CheckStatus.WARN;
            default -> CheckStatus.ERROR;
        };
    }
}
