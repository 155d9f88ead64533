package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.tracing.RequestTraces;
import dev.greenlight.platform.tracing.Traceparent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * What the {@code http.server.requests} observation did for the two evidence endpoints, without an
 * observation and a tracing span per request (together about a quarter of a one-sample request's
 * CPU, docs/performance.md "Seventh pass"; the span is skipped by the observation predicate of
 * {@link EvidenceObservationConfiguration}):
 * <ul>
 *   <li>the same {@code http.server.requests} timer — same name and tags ({@code method},
 *       {@code uri}, {@code status}, {@code outcome}, {@code exception}, {@code error}), one per tag
 *       combination kept here instead of built and looked up per request — counting refusals by the
 *       security chain (401/403) as well, since this filter runs before it;</li>
 *   <li>the request's W3C trace context for the records it writes ({@link RequestTraces}: the
 *       caller's trace continued under a span id of this service, or a new trace).</li>
 * </ul>
 * A request whose caller asks for its trace to be recorded (a sampled {@code traceparent}) is handed
 * to Spring's observation filter ({@code observed}): the full observation times it and its span is
 * exported, as on every endpoint. That filter is not otherwise mapped to the evidence servlet
 * ({@link EvidencePathFilters}); where it still is (the MVC controllers serving the paths), it runs once
 * per request all the same.
 */
final class EvidenceObservation implements Filter {

    static final String METRIC = "http.server.requests";
    /** The request attribute under which the servlet leaves the failure it answered (the {@code exception} tag). */
    static final String FAILURE = EvidenceObservation.class.getName() + ".failure";

    /** Methods named as themselves; any other is {@code UNKNOWN}, as Spring's convention does (bounded tags). */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final MeterRegistry meters;
    private final RequestTraces traces;
    private final Filter observed;
    private final ConcurrentMap<Tags, Timer> timers = new ConcurrentHashMap<>();

    /**
     * @param observed Spring's {@code http.server.requests} observation filter, for requests whose caller
     *                 asks for its trace to be recorded (null: no observation configured, such a request
     *                 passes straight on)
     */
    EvidenceObservation(MeterRegistry meters, RequestTraces traces, Filter observed) {
        this.meters = meters;
        this.traces = traces;
        this.observed = observed;
    }

    /** Leaves the failure the servlet answered for the {@code exception} and {@code error} tags. */
    static void failed(ServletRequest request, Throwable failure) {
        request.setAttribute(FAILURE, failure);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String header = request.getHeader(Traceparent.HEADER);
        if (RequestTraces.recordedByCaller(header)) {
            if (observed != null) {
                observed.doFilter(req, res, chain);
            } else {
                chain.doFilter(req, res);
            }
            return;
        }
        long start = System.nanoTime();
        Throwable thrown = null;
        traces.begin(header);
        try {
            chain.doFilter(req, res);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            thrown = e;
            throw e;
        } finally {
            traces.end();
            long elapsed = System.nanoTime() - start;
            int status = thrown == null ? ((HttpServletResponse) res).getStatus() : 500;
            Throwable failure = thrown != null ? thrown : (Throwable) request.getAttribute(FAILURE);
            timer(new Tags(method(request.getMethod()), request.getServletPath(), status,
                    failure == null ? "none" : name(failure))).record(elapsed, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(Tags tags) {
        Timer timer = timers.get(tags);
        return timer != null ? timer : timers.computeIfAbsent(tags, t -> Timer.builder(METRIC)
                .tag("method", t.method())
                .tag("uri", t.uri())
                .tag("status", Integer.toString(t.status()))
                .tag("outcome", outcome(t.status()))
                .tag("exception", t.exception())
                .tag("error", t.exception())
                .register(meters));
    }

    private static String method(String method) {
        return METHODS.contains(method) ? method : "UNKNOWN";
    }

    /** As Spring's convention names it: the simple class name, the full name for an anonymous class. */
    private static String name(Throwable failure) {
        String simple = failure.getClass().getSimpleName();
        return simple.isEmpty() ? failure.getClass().getName() : simple;
    }

    private static String outcome(int status) {
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        }
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        return status >= 500 && status < 600 ? "SERVER_ERROR" : "UNKNOWN";
    }

    /** One timer's tags; the uri is one of the two evidence paths this filter is mapped to. */
    private record Tags(String method, String uri, int status, String exception) {
    }
}
