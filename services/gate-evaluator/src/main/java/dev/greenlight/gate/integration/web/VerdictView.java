package dev.greenlight.gate.integration.web;

import dev.greenlight.gate.integration.domain.Verdict;
import java.util.List;

/**
 * The verdict as JSON, the shape progressive-delivery tools test: Argo Rollouts
 * ({@code successCondition: result.go}), Kargo ({@code response.body.go}), a script
 * ({@code jq .go}). {@code url} points at the release's full explanation on this service.
 */
record VerdictView(String target, String version, String stage, String outcome, boolean go, List<String> reasons,
                   String decisionId, String url) {

    static VerdictView of(Verdict verdict, String url) {
        return new VerdictView(verdict.target(), verdict.version(), verdict.stage(), verdict.outcome(), verdict.go(),
                verdict.reasons(), verdict.decisionId(), url);
    }
}
