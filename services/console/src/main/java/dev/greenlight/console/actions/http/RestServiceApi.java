package dev.greenlight.console.actions.http;

import dev.greenlight.console.ConsoleProperties;
import dev.greenlight.console.actions.application.ApiAnswer;
import dev.greenlight.console.actions.application.Service;
import dev.greenlight.console.actions.application.ServiceApi;
import dev.greenlight.console.signin.application.ConsoleUser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * {@link ServiceApi} over HTTP: the person's bearer token in {@code Authorization}, a fresh
 * {@code Idempotency-Key} per command, and every answer (4xx and 5xx included) handed back as it
 * came, so the page can show the service's reason.
 */
@Component
class RestServiceApi implements ServiceApi {

    private final ConsoleProperties.Services services;
    private final RestClient http;

    RestServiceApi(ConsoleProperties properties) {
        this.services = properties.services();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public ApiAnswer call(ConsoleUser user, Service service, String method, String path, String contentType,
            String body) {
        URI uri = URI.create(base(service).toString().replaceAll("/+$", "") + path);
        try {
            RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + user.bearerToken());
            if (!"GET".equals(method)) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            if (body != null) {
                request.contentType(MediaType.parseMediaType(contentType)).body(body);
            }
            return request.exchange((req, response) -> new ApiAnswer(response.getStatusCode().value(),
                    response.getHeaders().getContentType() == null ? null
                            : response.getHeaders().getContentType().toString(),
                    response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            return ApiAnswer.unreachable(service.name().toLowerCase().replace('_', '-'), e.getMessage());
        }
    }

    @Override
    public ApiAnswer streamLines(ConsoleUser user, Service service, String path, Consumer<String> lines) {
        URI uri = URI.create(base(service).toString().replaceAll("/+$", "") + path);
        try {
            return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + user.bearerToken())
                    .exchange((req, response) -> {
                        String type = response.getHeaders().getContentType() == null ? null
                                : response.getHeaders().getContentType().toString();
                        int status = response.getStatusCode().value();
                        if (status < 200 || status >= 300) {
                            return new ApiAnswer(status, type, response.getBody().readAllBytes());
                        }
                        try (BufferedReader reader = new BufferedReader(
                                new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
                            reader.lines().forEach(lines);
                        }
                        return new ApiAnswer(status, type, new byte[0]);
                    });
        } catch (ResourceAccessException e) {
            return ApiAnswer.unreachable(service.name().toLowerCase().replace('_', '-'), e.getMessage());
        }
    }

    private URI base(Service service) {
        return switch (service) {
            case CHECK_INGEST -> services.checkIngest();
            case APPROVAL -> services.approval();
            case GATE_EVALUATOR -> services.gateEvaluator();
            case ROLLOUT_CONTROLLER -> services.rolloutController();
            case AUDIT_LEDGER -> services.auditLedger();
            case INTEGRATIONS -> services.integrations();
        };
    }
}
