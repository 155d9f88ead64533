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

    @Test
    void jwtModeUnderProductionSettingsRefusesToStartWithoutAnAudience_namingTheProperty() {
        runner.withPropertyValues("greenlight.security.mode=JWT", "greenlight.security.production=true",
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.com")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences"));
    }

    @Test
    void jwtModeUnderProductionSettingsRefusesToStartWithoutAnIssuer_namingTheProperty() {
        runner.withPropertyValues("greenlight.security.mode=JWT", "spring.profiles.active=production",
                        "spring.security.oauth2.resourceserver.jwt.audiences=greenlight")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
    }

    @Test
    void aliasesDeclaredInSettingsMakeOnePersonOfSeveralNames() {
        runner.withPropertyValues("greenlight.security.aliases.bob=bob@example.com, BOB-GH")
                .run(context -> {
                    UserDirectory users = context.getBean(UserDirectory.class);
                    assertThat(users.resolve("Bob@Example.com").name()).isEqualTo("bob");
                    assertThat(users.resolve("bob-gh").aliases()).contains("bob@example.com");
                });
    }
}
