package dev.greenlight.rollout;

import dev.greenlight.platform.testing.ServiceSmokeTest;
import org.springframework.test.context.TestPropertySource;

/** The rollout-controller service meets the operational contract every service owes (see {@link ServiceSmokeTest}). */
@TestPropertySource(properties = {"spring.config.name=" + RolloutControllerApplication.CONFIG_NAME,
        // Tests run from the module folder; the shipped policies live at the repository root.
        "greenlight.rollout.policies-dir=../../policies"})
class RolloutControllerServiceIT extends ServiceSmokeTest {
}
