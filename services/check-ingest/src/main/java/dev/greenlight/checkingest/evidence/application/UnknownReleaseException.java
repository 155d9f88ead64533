package dev.greenlight.checkingest.evidence.application;

/** Evidence named a release nobody registered; answered with 404 naming {@code target@version}. */
public class UnknownReleaseException extends RuntimeException {

    private final String releaseId;
    private final String field;

    public UnknownReleaseException(String releaseId, String field) {
        super("release " + releaseId + " is not registered; register it with POST /api/v1/releases first");
        this.releaseId = releaseId;
        this.field = field;
    }

    public String releaseId() {
        return releaseId;
    }

    public String field() {
        return field;
    }
}
