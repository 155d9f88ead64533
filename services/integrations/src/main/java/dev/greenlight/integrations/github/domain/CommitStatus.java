package dev.greenlight.integrations.github.domain;

import dev.greenlight.integrations.notifications.domain.DecisionFacts;

/**
 * One commit status as GitHub's "create a commit status" takes it: {@code state} pending / success /
 * failure, a description of at most 140 characters (the reason), {@code target_url} (the release in
 * the console) and one {@code context} per stage ({@code greenlight/<stage>}), so each stage shows as
 * its own check on the revision and a later decision of that stage replaces the earlier status.
 *
 * @param repository  {@code owner/repo}
 * @param sha         the release's revision
 * @param state       pending, success or failure
 * @param description the reason, at most 140 characters
 * @param context     {@code greenlight/<stage>}, with the checkpoint for checkpoint decisions
 * @param targetUrl   the release's console page
 */
public record CommitStatus(String repository, String sha, String state, String description, String context,
                           String targetUrl) {

    static final int MAX_DESCRIPTION = 140;

    public static CommitStatus of(String repository, String sha, DecisionFacts decision, String link) {
        String state = switch (decision.outcome()) {
            case "GO" -> "success";
            case "NO_GO" -> "failure";
            default -> "pending";
        };
        String reason = switch (decision.outcome()) {
            case "GO" -> "GO: every blocking criterion passed or was waived";
            case "NO_GO" -> "NO-GO: " + String.join("; ", decision.reasons());
            default -> "HOLD: waiting for " + String.join("; ", decision.reasons());
        };
        return new CommitStatus(repository, sha, state, truncate(reason),
                "greenlight/" + decision.stageLabel().replace(' ', '/'), link);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
