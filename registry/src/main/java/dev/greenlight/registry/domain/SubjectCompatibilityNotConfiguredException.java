package dev.greenlight.registry.domain;

/** Confluent 40408: {@code GET /config/{subject}} for a subject without its own level. */
public final class SubjectCompatibilityNotConfiguredException extends RegistryException {

    public SubjectCompatibilityNotConfiguredException(String subject) {
        super(40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }
}
