package dev.greenlight.integrations.github.application;

import dev.greenlight.integrations.github.domain.CommitStatus;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.ProtectionReview;

/** What Greenlight asks of GitHub; each call retries within its bounds and throws when it gives up. */
public interface GitHubApi {

    void createStatus(CommitStatus status);

    void review(ProtectionRequest request, ProtectionReview review);
}
