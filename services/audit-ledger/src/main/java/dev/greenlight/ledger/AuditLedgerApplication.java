package dev.greenlight.ledger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The audit-ledger service. Its configuration file is {@code audit-ledger.yml} rather than
 * {@code application.yml} so that the local stack can run all five services in one JVM without
 * their defaults shadowing each other.
 */
@SpringBootApplication
public class AuditLedgerApplication {

    /** The Spring config name, i.e. the base name of this service's configuration file. */
    public static final String CONFIG_NAME = "audit-ledger";

    /** A builder preconfigured with this service's config name; the launcher adds overrides. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuditLedgerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
