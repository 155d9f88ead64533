package dev.greenlight.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every command (POST, PUT, PATCH, DELETE) of every service, so a client
 * whose answer was lost (timeout, 503) retries safely:
 * <ul>
 *   <li>a retry with the same key and the same request by the same caller is applied once and
 *       answered with the original answer ({@code Idempotent-Replayed: true});</li>
 *   <li>the same key with a different request is refused with 422 naming the header, and nothing
 *       is written;</li>
 *   <li>while the first request is still being handled, a retry gets 409 with {@code Retry-After}.</li>
 * </ul>
 * The answers are remembered per instance (bounded, for {@code ttl}). What survives a restart and
 * crosses instances is the event ids: the request's events get ids derived from (caller, key)
 * ({@link IdempotentRequests}), so the consumers' deduplication by event id — and the services' own
 * views of their topics — recognise a repeat written by any instance at any time.
 *
 * <p>Runs after authentication (the caller is part of the key's scope: one caller cannot replay
 * another's answer) and after {@link BodySizeLimit}, which bounds the body it buffers. Only
 * successful (2xx) answers are remembered: a refused or failed request changed nothing a retry
 * could repeat, so it is simply handled again.
 */
public final class IdempotencyKeys extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY_LENGTH = 255;

    private final Function<HttpServletRequest, String> callers;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries;

    /**
     * @param callers  the authenticated caller's name, null for an anonymous request
     * @param capacity answers remembered at most (the least recently used go first)
     * @param ttl      how long an answer is remembered
     */
    public IdempotencyKeys(Function<HttpServletRequest, String> callers, Clock clock, int capacity, Duration ttl) {
        this.callers = callers;
        this.clock = clock;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the request being handled carries an idempotency key (its events then have derived ids). */
    public static boolean keyed(HttpServletRequest request) {
        return request.getHeader(HEADER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String caller = key == null || !COMMANDS.contains(request.getMethod()) ? null : callers.apply(request);
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problem(response, HttpStatus.BAD_REQUEST, "Invalid field", HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters, e.g. a UUID", null);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            if (BodySizeLimit.exceeded(e)) {
                problem(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                        "The request body is larger than this service accepts.", null);
                return;
            }
            throw e;
        }
        String scope = caller + "\n" + key;
        String fingerprint = fingerprint(request, body);
        Instant now = clock.instant();
        Entry known;
        synchronized (entries) {
            known = entries.get(scope);
            if (known != null && known.at.plus(ttl).isBefore(now)) {
                entries.remove(scope);
                known = null;
            }
            if (known == null) {
                entries.put(scope, new Entry(fingerprint, now, null));
            }
        }
        if (known != null) {
            answerRepeat(known, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        IdempotentRequests.bind(caller, key);
        try {
            chain.doFilter(new Buffered(request, body), captured);
            if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                Answer answer = new Answer(captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray());
                synchronized (entries) {
                    entries.put(scope, new Entry(fingerprint, now, answer));
                }
                remembered = true;
            }
            captured.copyBodyToResponse();
        } finally {
            IdempotentRequests.unbind();
            if (!remembered) {
                synchronized (entries) {
                    entries.remove(scope);
                }
            }
        }
    }

    private static void answerRepeat(Entry known, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!known.fingerprint.equals(fingerprint)) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                    "This " + HEADER + " was already used for a different request; nothing was written. "
                            + "Use a new key for a new request.", null);
            return;
        }
        if (known.answer == null) {
            problem(response, HttpStatus.CONFLICT, "Request in progress",
                    "A request with this " + HEADER + " is still being handled; retry with the same key shortly.",
                    ApiProblems.RETRY_AFTER_SECONDS);
            return;
        }
        Answer answer = known.answer;
        response.setStatus(answer.status);
        response.setHeader(REPLAYED, "true");
        if (answer.contentType != null) {
            response.setContentType(answer.contentType);
        }
        if (answer.location != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location);
        }
        response.getOutputStream().write(answer.body);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail,
                                String retryAfter) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"field\":\"" + HEADER + "\"}");
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** What a request with a key asked for, and its answer once it succeeded (null while in flight). */
    private record Entry(String fingerprint, Instant at, Answer answer) {
    }

    private record Answer(int status, String contentType, String location, byte[] body) {
    }

    /** The request with its body already read, so the handler reads the same bytes again. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
