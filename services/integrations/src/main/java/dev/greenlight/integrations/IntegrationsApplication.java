package dev.greenlight.integrations;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The integrations service: tells people (Slack, Microsoft Teams, signed webhooks) and GitHub (commit
 * statuses, deployment protection rules) what the gate decided, from its own consumers, so a slow chat
 * service or API never delays a decision. Its configuration file is {@code integrations.yml} so the
 * local stack can host it in one JVM with the other services.
 */
@SpringBootApplication
public class IntegrationsApplication {

    /** The Spring config name, i.e. the base name of this service's configuration file. */
    public static final String CONFIG_NAME = "integrations";

    /** A builder preconfigured with this service's config name; the launcher adds overrides. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IntegrationsApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
