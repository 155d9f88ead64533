package dev.greenlight.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class GreenlightSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GreenlightSecurityAutoConfiguration.class,
                    SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

    @Test
    void demoUsersAreRefusedUnderProductionSettings() {
        runner.withPropertyValues("greenlight.security.demo-users=true", "greenlight.security.production=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("demo users").hasMessageContaining("production"));
    }

    @Test
    void demoUsersAreRefusedUnderTheProductionProfile() {
        runner.withPropertyValues("greenlight.security.demo-users=true", "spring.profiles.active=production")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theLocalStackKnowsTheDemoCastByTheirDemoTokens() {
        runner.withPropertyValues("greenlight.security.demo-users=true")
                .run(context -> {
                    UserDirectory users = context.getBean(UserDirectory.class);
                    assertThat(users.byToken("demo-dave").orElseThrow().roles()).contains("founder");
                    assertThat(users.byToken("demo-ci").orElseThrow().targets()).containsExactly("*");
                });
    }

    @Test
    void withoutDemoUsersOrAUsersFileNobodyIsKnown() {
        runner.run(context -> assertThat(context.getBean(UserDirectory.class).byToken("demo-dave")).isEmpty());
    }
}
