package dev.greenlight.cli.cluster;

import dev.greenlight.platform.registry.RestSchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight cluster register-schemas}: registers every catalogue topic's value schema under
 * its subject, ahead of the services, which run with auto-registration off in production (a schema
 * the registry does not know is then refused with a clear error instead of being registered by
 * whichever service writes first). The registry checks each against its compatibility rule.
 */
@Command(name = "register-schemas", mixinStandardHelpOptions = true,
        description = "Register every catalogue schema in the schema registry (before the services start).")
final class RegisterSchemasCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--registry-url", required = true, defaultValue = "${env:SCHEMA_REGISTRY_URL}",
            description = "Schema registry base URL (env SCHEMA_REGISTRY_URL).")
    String registryUrl;

    @Option(names = "--registry-user-info", defaultValue = "${env:SCHEMA_REGISTRY_USER_INFO}",
            description = "user:password for HTTP basic auth (env SCHEMA_REGISTRY_USER_INFO).")
    String userInfo;

    @Override
    public Integer call() {
        SchemaRegistryClient registry = new RestSchemaRegistryClient(registryUrl, userInfo);
        for (Topic<?> topic : Topics.all()) {
            if (topic.valueSchema() == null) {
                continue;
            }
            int id = registry.register(topic.valueSubject(), topic.valueSchema());
            spec.commandLine().getOut().println(topic.valueSubject() + " -> id " + id);
        }
        return 0;
    }
}
