package dev.greenlight.checkingest.release.domain;

/**
 * The platform's {@link dev.greenlight.platform.failures.InvalidFieldException} (answered 400 naming
 * the field by every API) that can also be located inside an enclosing structure, as check-ingest's
 * batches need.
 */
public class InvalidFieldException extends dev.greenlight.platform.failures.InvalidFieldException {

    public InvalidFieldException(String field, String rule) {
        super(field, rule);
    }

    /** The same violation, located inside an enclosing structure, e.g. {@code items[3].}. */
    public InvalidFieldException within(String prefix) {
        return new InvalidFieldException(prefix + field(), rule());
    }
}
