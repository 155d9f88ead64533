package dev.greenlight.rollout.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.events.RolloutCommandType;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.security.GreenlightSecurityAutoConfiguration;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.MutableClock;
import dev.greenlight.rollout.domain.Policies;
import dev.greenlight.rollout.kafka.RolloutPolicies;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.RolloutSettings;
import dev.greenlight.rollout.domain.TargetState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The rollout API: status from the store, manual commands onto the commands topic, and refusals. */
@WebMvcTest(controllers = RolloutController.class, properties = "greenlight.security.demo-users=true")
@ImportAutoConfiguration({GreenlightSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class})
@Import(RolloutControllerTest.Beans.class)
class RolloutControllerTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-02T08:00:00Z"));
    static final RolloutMachine MACHINE = new RolloutMachine(CLOCK, RolloutSettings.defaults());

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        RolloutPolicies rolloutPolicies() {
            return RolloutPolicies.of(PolicyCatalog.load(Policies.DIR));
        }

        @Bean
        RolloutMachine rolloutMachine() {
            return MACHINE;
        }

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RolloutQueries queries;
    @MockitoBean
    EventPublisher publisher;

    /** ict-qm 2.1.0 live at 25 %, 2.2.0 registered. */
    @BeforeEach
    void ictQmAt25() {
        TargetState state = TargetState.empty("ict-qm");
        state = MACHINE.register(state, "2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY).state();
        state = MACHINE.gateDecided(state, "2.1.0", "paper", true).state();
        state = MACHINE.promote(state, "2.1.0", new dev.greenlight.rollout.domain.Actor("fay", Set.of("founder")),
                "test setup").state();
        state = MACHINE.register(state, "2.2.0", ReleaseType.STRATEGY, Policies.STRATEGY).state();
        when(queries.target("ict-qm")).thenReturn(Optional.of(state));
        when(queries.target("unknown")).thenReturn(Optional.empty());
    }

    @Test
    void statusShowsStageTrafficNextStepGuardsAndKillSwitch() throws Exception {
        mvc.perform(get("/api/v1/rollouts/ict-qm").header("Authorization", "Bearer demo-bob"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.killSwitch.active").value(false))
                .andExpect(jsonPath("$.rollouts[0].version").value("2.1.0"))
                .andExpect(jsonPath("$.rollouts[0].stage").value("live-25"))
                .andExpect(jsonPath("$.rollouts[0].trafficPercent").value(25))
                .andExpect(jsonPath("$.rollouts[0].nextStep").value("waiting for the deployer to apply command 2"))
                .andExpect(jsonPath("$.rollouts[0].activeGuards[0]").value("live-errors"))
                .andExpect(jsonPath("$.rollouts[0].policyHash").value(Policies.STRATEGY.contentHash()))
                .andExpect(jsonPath("$.rollouts[1].status").value("PENDING"))
                .andExpect(jsonPath("$.unacknowledgedCommands.length()").value(2));
    }

    @Test
    void aTargetOwnedByAnotherInstanceIsRedirectedThereWithMethodAndBodyKept() throws Exception {
        when(queries.ownerElsewhere("ict-qm")).thenReturn(Optional.of("rollout-2.internal:8184"));

        mvc.perform(get("/api/v1/rollouts/ict-qm").header("Authorization", "Bearer demo-bob"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://rollout-2.internal:8184/api/v1/rollouts/ict-qm"));
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-dave")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"news\"}"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://rollout-2.internal:8184/api/v1/rollouts/ict-qm/2.1.0/pause"));
        verify(publisher, never()).publish(any(), any(), any());
    }

    @Test
    void unknownTargetsAre404() throws Exception {
        mvc.perform(get("/api/v1/rollouts/unknown").header("Authorization", "Bearer demo-bob")).andExpect(status().isNotFound());
    }

    @Test
    void aCommandWithoutAnAuthenticatedUserIs401() throws Exception {
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"news\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(publisher, never()).publish(any(), any(), any());
    }

    @Test
    void anAllowedCommandIsPublishedWithTheActorAndRolesAndAccepted() throws Exception {
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/promote").header("Authorization", "Bearer demo-dave")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"market window\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/rollouts/ict-qm"));

        ArgumentCaptor<RolloutCommandRequested> sent = ArgumentCaptor.forClass(RolloutCommandRequested.class);
        verify(publisher).publish(eq(Topics.ROLLOUT_COMMANDS), eq("ict-qm"), sent.capture());
        org.assertj.core.api.Assertions.assertThat(sent.getValue().getCommand()).isEqualTo(RolloutCommandType.PROMOTE);
        org.assertj.core.api.Assertions.assertThat(sent.getValue().getRequestedBy()).isEqualTo("dave");
        org.assertj.core.api.Assertions.assertThat(sent.getValue().getRoles()).containsExactly("founder", "release-captain");
    }

    @Test
    void promoteWithoutGoOrOverrideRoleIsForbiddenAndNotPublished() throws Exception {
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/promote").header("Authorization", "Bearer demo-bob")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"please\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.refusal").value("NOT_APPROVED"));
        verify(publisher, never()).publish(any(), any(), any());
    }

    @Test
    void aCommandWithoutReasonIs400AndOneThatDoesNotApplyIs409() throws Exception {
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-bob")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/resume").header("Authorization", "Bearer demo-bob")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"go on\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.refusal").value("ILLEGAL_STATE"));
    }
}
