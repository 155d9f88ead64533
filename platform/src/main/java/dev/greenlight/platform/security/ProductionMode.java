package dev.greenlight.platform.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Whether a service runs under production settings: {@code greenlight.security.production=true} or
 * a {@code production}/{@code prod} profile. One home for the test, so that every "never in
 * production" rule (demo users, a generated ledger signing key, JWT without audience) agrees.
 */
public final class ProductionMode {

    /** The property that switches production settings on (a profile does too). */
    public static final String PROPERTY = "greenlight.security.production";

    private ProductionMode() {
    }

    public static boolean isOn(Environment environment) {
        return environment.getProperty(PROPERTY, Boolean.class, false)
                || environment.acceptsProfiles(Profiles.of("production", "prod"));
    }
}
