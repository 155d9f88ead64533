package dev.greenlight.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.StubbedCli;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code greenlight cluster register-schemas}, the one-shot job before the services start with
 * auto-registration off: every catalogue topic's value schema is registered under its subject; a
 * schema the registry refuses (incompatible) fails the job, so the services are not started.
 */
class RegisterSchemasCommandTest {

    private StubbedCli registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop();
        }
    }

    @Test
    void registersEveryCatalogueSchemaUnderItsSubject() throws Exception {
        registry = StubbedCli.start(200, "{\"id\": 7}");

        int code = registry.run("cluster", "register-schemas", "--registry-url", registry.url());

        assertThat(code).isZero();
        assertThat(registry.calls()).extracting(call -> call.method() + " " + call.path())
                .containsAll(Topics.all().stream().filter(topic -> topic.valueSchema() != null)
                        .map(Topic::valueSubject).map(subject -> "POST /subjects/" + subject + "/versions").toList());
    }

    @Test
    void aSchemaTheRegistryRefusesFailsTheJob() throws Exception {
        registry = StubbedCli.start(409, "{\"error_code\": 409, \"message\": \"incompatible\"}");

        assertThat(registry.run("cluster", "register-schemas", "--registry-url", registry.url())).isNotZero();
        assertThat(registry.err()).contains("incompatible");
    }
}
