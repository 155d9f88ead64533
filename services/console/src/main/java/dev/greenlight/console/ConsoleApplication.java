package dev.greenlight.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The console: a read-side service that keeps its own projection of the topics and serves the
 * release board, release pages, the ledger and the policies to people, acting only through the
 * other services' APIs with the signed-in person's own token. Its configuration file is
 * {@code console.yml} so the local stack can host it next to the five other services in one JVM.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    /** The Spring config name, i.e. the base name of this service's configuration file. */
    public static final String CONFIG_NAME = "console";

    /** A builder preconfigured with this service's config name; the launcher adds overrides. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
