package dev.greenlight.platform.web;

import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/**
 * The RFC 9457 problem documents every Greenlight API answers with, so a client sees one shape
 * whichever service refused it: a {@code field} property naming what broke which rule, and
 * {@code Retry-After} whenever nothing was recorded but a retry will do.
 */
public final class ApiProblems {

    /** Long enough for a broker leader election or a Streams rebalance to finish. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private ApiProblems() {
    }

    /** 400 naming the offending field (a JSON path such as {@code items[2].status}). */
    public static ProblemDetail invalidField(String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid field");
        problem.setProperty("field", field);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** 503 with {@code Retry-After}: the caller should retry, nothing was recorded. */
    public static ResponseEntity<ProblemDetail> retryLater(String title, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(of(HttpStatus.SERVICE_UNAVAILABLE, title, detail));
    }

    /**
     * 503 for an event Kafka did not acknowledge in time. It may still have been stored (a timeout
     * says nothing either way), so the caller is told so: with an {@code Idempotency-Key} a retry
     * with the same key is applied at most once; without one, a retry may apply it twice.
     */
    public static ResponseEntity<ProblemDetail> notStored(boolean keyed) {
        return retryLater("Event store unavailable", keyed
                ? "Kafka did not confirm the event: it may or may not be recorded: retry with the same "
                        + IdempotencyKeys.HEADER + "."
                : "Kafka did not confirm the event: it may or may not be recorded. Retry later; send an "
                        + IdempotencyKeys.HEADER + " header so that a retry is applied at most once.");
    }

    /**
     * Malformed JSON or a value of the wrong type: 400 naming the JSON path, line and column, never
     * a stack trace; 413 when the read was cut off by {@link BodySizeLimit}.
     */
    public static ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (BodySizeLimit.exceeded(e)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(of(HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large", "The request body is larger than this service accepts."));
        }
        JacksonException json = cause(e, JacksonException.class);
        if (json == null) {
            return ResponseEntity.badRequest().body(invalidField("body is required and must be JSON", "body"));
        }
        String field = json.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        field = field.isEmpty() ? "body" : field.startsWith(".") ? field.substring(1) : field;
        String location = json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        return ResponseEntity.badRequest().body(invalidField(field + " is not readable as the expected JSON"
                + location + ": " + json.getOriginalMessage(), field));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
