package dev.greenlight.integrations.github.application;

import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.ProtectionReview;

/**
 * Where waiting GitHub deployments are recorded, so they outlive the process: a request Greenlight
 * cannot answer yet, and each answer GitHub accepted. Both return once the record is stored (Kafka
 * acknowledged it), and throw when it could not be.
 */
public interface ReviewRecord {

    void waiting(ProtectionRequest request);

    void answered(ProtectionRequest request, ProtectionReview review, String decisionId);

    /** Nothing recorded: waiting deployments live in memory only (unit tests). */
    static ReviewRecord none() {
        return new ReviewRecord() {
            @Override
            public void waiting(ProtectionRequest request) {
            }

            @Override
            public void answered(ProtectionRequest request, ProtectionReview review, String decisionId) {
            }
        };
    }
}
