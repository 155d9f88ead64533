package dev.greenlight.platform.testing;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client API tests call a service with: as one user (a bearer token) or anonymously, and
 * without turning a 4xx or 5xx into an exception, so a test asserts on the status and problem
 * document it got. One copy instead of one per test class.
 */
public final class ApiClients {

    private ApiClients() {
    }

    /**
     * @param baseUrl e.g. {@code http://localhost:8080/api/v1/ledger}
     * @param token   a bearer token, or null for an anonymous caller
     */
    public static RestClient as(String baseUrl, String token) {
        return RestClient.builder().baseUrl(baseUrl)
                .defaultHeaders(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
