package dev.greenlight.integrations;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The integrations service's settings.
 *
 * @param maxBodySize   requests with a larger body are refused with 413 before they are read
 * @param sealingKey    32 bytes, base64: seals channel URLs and secrets before they are recorded
 * @param consoleUrl    the console's base URL; notifications and commit statuses link to
 *                      {@code <consoleUrl>/releases/<target>/<version>}
 * @param subscriptions who may subscribe
 * @param delivery      how hard a delivery is tried
 * @param github        the GitHub App integration (off unless enabled)
 * @param secrets       channel credentials by name, for policies' {@code notify:} rules ({@code secretRef});
 *                      a policy text is recorded forever, so it names these and never carries them
 */
@ConfigurationProperties("greenlight.integrations")
public record IntegrationsProperties(
        @DefaultValue("128KB") DataSize maxBodySize,
        String sealingKey,
        @DefaultValue("http://localhost:8186") URI consoleUrl,
        @DefaultValue Subscriptions subscriptions,
        @DefaultValue Delivery delivery,
        @DefaultValue GitHub github,
        @DefaultValue Map<String, ChannelSecret> secrets) {

    /**
     * A channel's credentials named by a policy's {@code secretRef}.
     *
     * @param url    the Slack / Teams / webhook URL
     * @param secret the signing secret of a WEBHOOK channel (16-256 characters); none for SLACK and TEAMS
     */
    public record ChannelSecret(String url, String secret) {

        @Override
        public String toString() {
            return "ChannelSecret[redacted]";
        }
    }

    /**
     * @param createRoles   roles that may create subscriptions
     * @param authorityRole role that may delete anybody's subscription
     * @param allowHttp     accept plain-http endpoints (local receivers and tests only)
     */
    public record Subscriptions(
            @DefaultValue({"engineer", "on-call", "operations", "release-captain", "tech-lead", "platform", "founder"})
            List<String> createRoles,
            @DefaultValue("founder") String authorityRole,
            @DefaultValue("false") boolean allowHttp) {
    }

    /**
     * @param attempts       tries per notification before it is recorded as failed
     * @param initialBackoff wait after the first failure; doubled after each further one
     * @param maxBackoff     cap of one wait
     * @param requestTimeout how long one request may take (connect + answer)
     */
    public record Delivery(@DefaultValue("4") int attempts, @DefaultValue("1s") Duration initialBackoff,
                           @DefaultValue("30s") Duration maxBackoff, @DefaultValue("5s") Duration requestTimeout) {
    }

    /**
     * @param enabled        post commit statuses and answer deployment protection rules
     * @param apiUrl         REST API base: {@code https://api.github.com}, or {@code https://HOST/api/v3} (GHES)
     * @param appId          the GitHub App's id (the JWT issuer)
     * @param privateKey     the App's private key, PEM (PKCS#1 as GitHub issues it, or PKCS#8)
     * @param installationId the App's installation on the repositories Greenlight reports to
     * @param webhookSecret  the App's webhook secret ({@code X-Hub-Signature-256})
     * @param repositories   release target -> {@code owner/repo} its revisions live in
     * @param environments   GitHub environment name -> Greenlight stage it waits for
     * @param maxRetryWait   the longest a rate-limit or Retry-After wait may be before giving up
     */
    public record GitHub(@DefaultValue("false") boolean enabled,
                         @DefaultValue("https://api.github.com") URI apiUrl,
                         String appId, String privateKey, Long installationId, String webhookSecret,
                         @DefaultValue Map<String, String> repositories,
                         @DefaultValue Map<String, String> environments,
                         @DefaultValue("60s") Duration maxRetryWait) {
    }
}
