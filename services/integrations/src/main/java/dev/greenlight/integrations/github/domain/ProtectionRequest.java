package dev.greenlight.integrations.github.domain;

import java.net.URI;

/**
 * A GitHub deployment waiting on Greenlight: a {@code deployment_protection_rule} webhook, already
 * verified and mapped to the release target (by repository) and stage (by environment).
 *
 * @param target         release target the repository maps to
 * @param stage          stage the environment maps to
 * @param sha            the deployment's commit
 * @param environment    GitHub environment name (echoed in the review)
 * @param callbackUrl    {@code deployment_callback_url}: where the review is posted
 * @param installationId the App installation whose token posts it
 */
public record ProtectionRequest(String target, String stage, String sha, String environment, URI callbackUrl,
                                long installationId) {

    /** Identifies one waiting deployment: GitHub asks once per environment of a run, on the run's callback URL. */
    public String key() {
        return environment + " " + callbackUrl;
    }
}
