package dev.greenlight.gate;

import dev.greenlight.platform.testing.KafkaClientsLiveness;
import dev.greenlight.platform.testing.ServiceSmokeTest;
import org.springframework.test.context.TestPropertySource;

/** The gate-evaluator service meets the operational contract every service owes (see {@link ServiceSmokeTest}). */
@TestPropertySource(properties = {"spring.config.name=" + GateEvaluatorApplication.CONFIG_NAME})
class GateEvaluatorServiceIT extends ServiceSmokeTest implements KafkaClientsLiveness {
}
