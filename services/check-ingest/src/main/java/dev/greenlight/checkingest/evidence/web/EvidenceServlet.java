package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.checkingest.evidence.application.ReportChecks;
import dev.greenlight.checkingest.evidence.application.ReportMetrics;
import dev.greenlight.checkingest.evidence.domain.MetricSample;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.platform.security.ActorResolver;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code POST /api/v1/metrics} and {@code POST /api/v1/checks} — the endpoints machines call
 * thousands of times a second — as a plain servlet instead of through Spring MVC: no
 * {@code DispatcherServlet} handler lookup, no argument resolvers, message converters or content
 * negotiation for the answer. Spring MVC was about 29 % of a one-sample request's allocations
 * (docs/performance.md, "Fifth pass"; the servlet measured in "Sixth pass").
 *
 * <p>Everything a caller can observe stays as it was: the servlet sits behind the same servlet
 * filters (body size limit, the {@code http.server.requests} timer and the request's trace context —
 * {@link EvidenceObservation}, or the full observation for a caller that asks for its trace to be
 * recorded — {@code EvidenceSecurity}'s chain with the same tokens and 401/403, idempotency keys); bodies are
 * read by the same readers ({@link MetricSamplesReader}, {@link CheckReports}) with the same
 * checks and field names; the answer is {@link StoredEvents} written by the application's JSON
 * mapper, 201, only once the broker acknowledged every event (blocking on the ack as the
 * controllers did, {@link Acknowledged}). Every failure — 400 naming the field, 403, 404, 405,
 * 415, 503 with {@code Retry-After} — is handed to the very {@link HandlerExceptionResolver}
 * Spring MVC uses, so it is answered by the same {@code @ExceptionHandler}s in the same words.
 *
 * <p>{@link MetricController} and {@link CheckController} declare the same endpoints to MVC (the
 * API description, the hostile-input sweep's endpoint list) and serve them when
 * {@code greenlight.ingest.evidence-servlet=false}.
 */
final class EvidenceServlet extends HttpServlet {

    static final String METRICS = "/api/v1/metrics";
    static final String CHECKS = "/api/v1/checks";

    /** What both endpoints read, as Spring's JSON converters accept it; anything else is 415. */
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    private static final String ALLOWED = "POST,OPTIONS";

    private final transient ReportMetrics reportMetrics;
    private final transient ReportChecks reportChecks;
    private final transient IngestProperties properties;
    private final transient JsonMapper mapper;
    private final transient ActorResolver actors;
    private final transient HandlerExceptionResolver failures;

    EvidenceServlet(ReportMetrics reportMetrics, ReportChecks reportChecks, IngestProperties properties,
            JsonMapper mapper, ActorResolver actors, HandlerExceptionResolver failures) {
        this.reportMetrics = reportMetrics;
        this.reportChecks = reportChecks;
        this.properties = properties;
        this.mapper = mapper;
        this.actors = actors;
        this.failures = failures;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getServletPath();
        // The uri tag of http.server.requests, which Spring MVC's handler mapping would have set.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(path));
        if ("OPTIONS".equals(request.getMethod())) { // as Spring MVC answers it for a POST-only mapping
            response.setHeader("Allow", ALLOWED);
            return;
        }
        List<String> eventIds;
        try {
            eventIds = Acknowledged.await(report(path, request));
        } catch (Exception failure) {
            answer(failure, request, response);
            return;
        }
        byte[] body = mapper.writeValueAsBytes(new StoredEvents(eventIds.size(), eventIds));
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Checks and reads the request in Spring MVC's order (method, media type, body, caller), then writes it. */
    private CompletableFuture<List<String>> report(String path, HttpServletRequest request) throws Exception {
        if (!"POST".equals(request.getMethod())) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("POST"));
        }
        Charset charset = jsonCharset(request.getContentType());
        PushbackInputStream body = nonEmpty(request);
        if (METRICS.equals(path)) {
            Batch<MetricSample> samples = readMetrics(body, charset, request);
            return reportMetrics.report(samples, caller()).thenApply(stored ->
                    stored.stream().map(m -> m.getMeta().getEventId()).toList());
        }
        var checks = CheckReports.read(readTree(body, charset, request), properties.maxBatchSize());
        return reportChecks.report(checks, caller()).thenApply(stored ->
                stored.stream().map(c -> c.getMeta().getEventId()).toList());
    }

    private Batch<MetricSample> readMetrics(PushbackInputStream body, Charset charset, HttpServletRequest request) {
        try (JsonParser parser = JsonBodies.parser(mapper, body, charset)) {
            return MetricSamplesReader.read(parser, properties.maxBatchSize());
        } catch (JacksonException e) {
            throw unreadable("JSON parse error: " + e.getOriginalMessage(), e, request);
        }
    }

    private JsonNode readTree(PushbackInputStream body, Charset charset, HttpServletRequest request) {
        try {
            return JsonBodies.tree(mapper, body, charset);
        } catch (JacksonException e) {
            throw unreadable("JSON parse error: " + e.getOriginalMessage(), e, request);
        }
    }

    private Actor caller() {
        Actor actor = actors.resolve(SecurityContextHolder.getContext().getAuthentication());
        if (actor == null) { // EvidenceSecurity lets no unauthenticated request through; as the MVC argument did
            throw new AuthenticationCredentialsNotFoundException("this endpoint needs an authenticated caller");
        }
        return actor;
    }

    /** The declared charset (null: none) of a JSON body; 415 for any other media type, as Spring MVC answers. */
    private static Charset jsonCharset(String contentType) throws HttpMediaTypeNotSupportedException {
        if (MediaType.APPLICATION_JSON_VALUE.equals(contentType)) {
            return null;
        }
        MediaType type;
        try {
            type = contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage(), JSON);
        }
        for (MediaType json : JSON) {
            if (json.includes(type)) {
                return type.getCharset();
            }
        }
        throw new HttpMediaTypeNotSupportedException(type, JSON, HttpMethod.POST);
    }

    /** The body, refused as missing when empty (Spring MVC's check for a required {@code @RequestBody}). */
    private static PushbackInputStream nonEmpty(HttpServletRequest request) {
        try {
            PushbackInputStream body = new PushbackInputStream(request.getInputStream(), 1);
            int first = body.read();
            if (first < 0) {
                throw unreadable("Required request body is missing", null, request);
            }
            body.unread(first);
            return body;
        } catch (IOException e) {
            throw unreadable("I/O error while reading input message", e, request);
        }
    }

    private static HttpMessageNotReadableException unreadable(String message, Throwable cause, HttpServletRequest request) {
        return new HttpMessageNotReadableException(message, cause, new ServletServerHttpRequest(request));
    }

    /** Answers a failure as Spring MVC would have: by its exception resolvers, else thrown to the container. */
    private void answer(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setError(failure));
        EvidenceObservation.failed(request, failure);
        if (failures.resolveException(request, response, null, failure) != null) {
            return;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof ServletException servlet) {
            throw servlet;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        throw new ServletException(failure);
    }
}
