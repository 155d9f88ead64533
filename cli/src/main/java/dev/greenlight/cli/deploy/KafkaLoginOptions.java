package dev.greenlight.cli.deploy;

import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.platform.topics.KafkaUser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a command-line deployer logs in to Kafka: as the {@code deployer} principal, whose password
 * the local stack keeps in its credentials file, so {@code greenlight follow} against
 * {@code ./greenlight up} needs no option at all. Against another cluster: the user and password
 * from the environment, and any further client setting (TLS, another SASL mechanism) as
 * {@code --kafka-property}.
 */
public final class KafkaLoginOptions {

    @Option(names = "--kafka-user", defaultValue = "${env:GREENLIGHT_KAFKA_USER:-deployer}",
            description = "Kafka principal to log in as (env GREENLIGHT_KAFKA_USER, default ${DEFAULT-VALUE}).")
    String user = KafkaUser.DEPLOYER.userName();

    @Option(names = "--kafka-credentials", paramLabel = "FILE", defaultValue = "${env:GREENLIGHT_KAFKA_CREDENTIALS}",
            description = "File of user=password lines to take the password from (env GREENLIGHT_KAFKA_CREDENTIALS;"
                    + " default: the local stack's <data-dir>/" + KafkaCredentials.FILE_NAME
                    + "). The environment variable GREENLIGHT_KAFKA_PASSWORD, when set, wins.")
    Path credentialsFile;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "Extra Kafka client setting, repeatable, e.g. security.protocol=SASL_SSL.")
    Map<String, String> extra = new LinkedHashMap<>();

    /**
     * The client settings of the login.
     *
     * @throws IllegalStateException naming where the password was looked for, when there is none
     */
    public Map<String, Object> clientProperties() {
        String password = System.getenv("GREENLIGHT_KAFKA_PASSWORD");
        Map<String, Object> properties;
        if (password == null || password.isBlank()) {
            Path file = credentialsFile != null ? credentialsFile
                    : KafkaCredentials.file(StackConfig.defaultDataDir());
            // The local stack's own login for the user: SCRAM, or PLAIN for its super user (admin).
            properties = new LinkedHashMap<>(KafkaCredentials.load(file).clientProperties(user));
        } else {
            properties = new LinkedHashMap<>(KafkaCredentials.scramLogin(user, password));
        }
        properties.putAll(extra);
        return properties;
    }
}
