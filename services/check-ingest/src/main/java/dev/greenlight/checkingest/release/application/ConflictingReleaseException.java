package dev.greenlight.checkingest.release.application;

import java.util.List;

/** The release id is taken by a registration with other content; answered with 409. */
public class ConflictingReleaseException extends RuntimeException {

    private final List<String> differingFields;

    public ConflictingReleaseException(String releaseId, List<String> differingFields) {
        super("release " + releaseId + " is already registered with a different " + String.join(", ", differingFields)
                + "; a release is immutable, register a new version instead");
        this.differingFields = List.copyOf(differingFields);
    }

    public List<String> differingFields() {
        return differingFields;
    }
}
