package dev.greenlight.platform.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load classes outside trusted packages, both when reading (instantiating
 * records) and when writing (looking up a schema's SpecificData). Surefire sets the system property,
 * but services started from a plain {@code main()} must trust the event classes themselves.
 */
final class GreenlightClassTrust {

    private static final String TRUSTED_PREFIX = "dev.greenlight.";

    static {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                type -> type.getName().startsWith(TRUSTED_PREFIX)));
    }

    private GreenlightClassTrust() {
    }

    /** Runs the static initializer once per class loader; repeated calls are free. */
    static void ensure() {
        // class initialization does the work
    }
}
