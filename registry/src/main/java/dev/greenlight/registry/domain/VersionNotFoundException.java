package dev.greenlight.registry.domain;

/** Confluent 40402: the subject exists but not at that version. */
public final class VersionNotFoundException extends RegistryException {

    public VersionNotFoundException(String subject, int version) {
        super(40402, "Subject '" + subject + "' Version " + version + " not found.");
    }
}
