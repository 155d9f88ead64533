package dev.greenlight.integrations.github.http;

import dev.greenlight.integrations.github.application.GitHubApi;
import dev.greenlight.integrations.github.domain.CommitStatus;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.ProtectionReview;
import dev.greenlight.platform.time.Pause;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitHub's REST API as a GitHub App, against a configurable base URL ({@code https://api.github.com},
 * or {@code https://HOST/api/v3} for GitHub Enterprise Server):
 * <ul>
 *   <li>installation tokens from {@code POST /app/installations/{id}/access_tokens} with the App JWT,
 *       cached until a minute before their {@code expires_at};</li>
 *   <li>{@code POST /repos/{owner}/{repo}/statuses/{sha}} for commit statuses;</li>
 *   <li>the review of a deployment protection rule, posted to the webhook's
 *       {@code deployment_callback_url} — only when that URL is on the configured API, so a webhook can
 *       never make Greenlight send its token elsewhere.</li>
 * </ul>
 * Retries are bounded (4 attempts): a 403/429 with {@code Retry-After}, or with
 * {@code x-ratelimit-remaining: 0}, waits as GitHub says ({@code x-ratelimit-reset}, epoch seconds)
 * when that is within {@code maxRetryWait}, else gives up; 5xx and connection failures back off
 * exponentially (1 s, 2 s, 4 s); a 401 drops the cached token once.
 */
public class GitHubClient implements GitHubApi {

    private static final int ATTEMPTS = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI apiUrl;
    private final long defaultInstallation;
    private final AppJwt jwt;
    private final HttpClient http;
    private final Pause pause;
    private final Clock clock;
    private final Duration maxRetryWait;
    private String token;
    private long tokenInstallation;
    private Instant tokenExpiresAt = Instant.MIN;

    public GitHubClient(URI apiUrl, long defaultInstallation, AppJwt jwt, Pause pause, Clock clock,
                        Duration maxRetryWait) {
        this.apiUrl = URI.create(apiUrl.toString().replaceAll("/+$", ""));
        this.defaultInstallation = defaultInstallation;
        this.jwt = jwt;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.pause = pause;
        this.clock = clock;
        this.maxRetryWait = maxRetryWait;
    }

    @Override
    public void createStatus(CommitStatus status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("state", status.state());
        body.put("target_url", status.targetUrl());
        body.put("description", status.description());
        body.put("context", status.context());
        send(URI.create(apiUrl + "/repos/" + status.repository() + "/statuses/" + status.sha()),
                JSON.writeValueAsString(body), defaultInstallation);
    }

    @Override
    public void review(ProtectionRequest request, ProtectionReview review) {
        if (!request.callbackUrl().toString().startsWith(apiUrl + "/")) {
            throw new IllegalArgumentException("deployment_callback_url " + request.callbackUrl()
                    + " is not on the configured GitHub API " + apiUrl);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("environment_name", request.environment());
        body.put("state", review.state());
        body.put("comment", review.comment());
        send(request.callbackUrl(), JSON.writeValueAsString(body), request.installationId());
    }

    private void send(URI url, String body, long installation) {
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            String failure;
            Optional<Duration> wait;
            try {
                HttpResponse<String> response = post(url, "Bearer " + installationToken(installation), body);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                failure = "HTTP " + status + " from " + url.getPath();
                if (status == 401 && !refreshed) {
                    refreshed = true;
                    forgetToken();
                    wait = Optional.of(Duration.ZERO);
                } else {
                    wait = retryWait(response, attempt);
                }
            } catch (IOException e) {
                failure = e.toString();
                wait = Optional.of(backoff(attempt));
            }
            if (wait.isEmpty() || attempt >= ATTEMPTS) {
                throw new IllegalStateException("GitHub gave up: " + failure);
            }
            try {
                pause.pause(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private Optional<Duration> retryWait(HttpResponse<String> response, int attempt) {
        int status = response.statusCode();
        Optional<String> retryAfter = response.headers().firstValue("retry-after");
        boolean exhausted = response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent();
        if ((status == 403 || status == 429) && (retryAfter.isPresent() || exhausted)) {
            Duration wait = retryAfter.map(s -> Duration.ofSeconds(Long.parseLong(s.trim())))
                    .orElseGet(() -> Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(
                            response.headers().firstValue("x-ratelimit-reset").orElse("0").trim()))));
            wait = wait.isNegative() ? Duration.ZERO : wait;
            return wait.compareTo(maxRetryWait) <= 0 ? Optional.of(wait) : Optional.empty();
        }
        if (status >= 500) {
            return Optional.of(backoff(attempt));
        }
        return Optional.empty();
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << (attempt - 1));
    }

    private synchronized String installationToken(long installation) throws IOException {
        if (token != null && tokenInstallation == installation && clock.instant().isBefore(tokenExpiresAt)) {
            return token;
        }
        HttpResponse<String> response = post(URI.create(apiUrl + "/app/installations/" + installation
                + "/access_tokens"), "Bearer " + jwt.create(), null);
        if (response.statusCode() != 201) {
            throw new IOException("installation token: HTTP " + response.statusCode());
        }
        JsonNode answer = JSON.readTree(response.body());
        token = answer.path("token").asString();
        tokenInstallation = installation;
        tokenExpiresAt = Instant.parse(answer.path("expires_at").asString()).minus(Duration.ofMinutes(1));
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private HttpResponse<String> post(URI url, String authorization, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", authorization)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "greenlight");
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
