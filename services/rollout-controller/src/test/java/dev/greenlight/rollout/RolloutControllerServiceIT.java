package dev.greenlight.rollout;

import dev.greenlight.platform.testing.KafkaClientsLiveness;
import dev.greenlight.platform.testing.ServiceSmokeTest;
import org.springframework.test.context.TestPropertySource;

/** The rollout-controller service meets the operational contract every service owes (see {@link ServiceSmokeTest}). */
// No policy directory is configured, and none is needed: the controller reads no policy file.
@TestPropertySource(properties = {"spring.config.name=" + RolloutControllerApplication.CONFIG_NAME})
class RolloutControllerServiceIT extends ServiceSmokeTest implements KafkaClientsLiveness {
}
