package dev.greenlight.registry.domain;

/** Confluent 40401: the subject has no live (non-deleted) versions. */
public final class SubjectNotFoundException extends RegistryException {

    public SubjectNotFoundException(String subject) {
        super(40401, "Subject '" + subject + "' not found.");
    }
}
