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

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.events.RolloutCommandType;
import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.refusals.RefusalThrottle;
import dev.greenlight.platform.security.GreenlightSecurityAutoConfiguration;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.web.GreenlightWebAutoConfiguration;
import dev.greenlight.platform.web.IdempotentRequests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
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
        ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        GreenlightWebAutoConfiguration.class})
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

        /** Two recorded refusals per caller and minute, so the flood test stays short. */
        @Bean
        RolloutRefusals rolloutRefusals(EventPublisher publisher) {
            return new RolloutRefusals(publisher, new RefusalThrottle(CLOCK, 2, new SimpleMeterRegistry()), CLOCK);
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
        when(queries.ownerElsewhere("ict-qm")).thenReturn(Optional.of(new HostInfo("rollout-2.internal", 8184)));

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
    void theRedirectKeepsTheQueryAndIsGivenOnlyToAnAuthenticatedCaller() throws Exception {
        when(queries.ownerElsewhere("ict-qm")).thenReturn(Optional.of(new HostInfo("rollout-2.internal", 8184)));

        mvc.perform(get(java.net.URI.create("/api/v1/rollouts/ict-qm?view=all%20stages")).header("Authorization", "Bearer demo-bob"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://rollout-2.internal:8184/api/v1/rollouts/ict-qm?view=all%20stages"));
        // Which instance holds a target is not told to a caller who is not authenticated.
        mvc.perform(get("/api/v1/rollouts/ict-qm"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"));
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"news\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void whileTheOwnerOfATargetIsUnknownTheAnswerIs503WithRetryAfterNot404() throws Exception {
        when(queries.ownerElsewhere("ict-qm")).thenThrow(new InvalidStateStoreException("rebalancing"));

        mvc.perform(get("/api/v1/rollouts/ict-qm").header("Authorization", "Bearer demo-bob"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().doesNotExist("Location"));
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-dave")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"news\"}"))
                .andExpect(status().isServiceUnavailable());
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
    void promoteWithoutGoOrOverrideRoleIsForbiddenRecordedAndNotPublished() throws Exception {
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/promote").header("Authorization", "Bearer demo-dave")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"please\"}"))
                .andExpect(status().isAccepted());
        CLOCK.advance(java.time.Duration.ofMinutes(1));
        // 2.2.0 is pending without GO: a release captain without the override role is refused.
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.2.0/promote").header("Authorization", "Bearer demo-erin")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"please\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.refusal").value("NOT_PERMITTED"));
        ArgumentCaptor<ActionRefused> refused = ArgumentCaptor.forClass(ActionRefused.class);
        verify(publisher).publish(eq(Topics.ROLLOUTS), eq("ict-qm"), refused.capture());
        org.assertj.core.api.Assertions.assertThat(refused.getValue().getAction()).isEqualTo("ROLLOUT_PROMOTE");
        org.assertj.core.api.Assertions.assertThat(refused.getValue().getAttemptedBy()).isEqualTo("erin");
    }

    @Test
    void aCiPublisherTokenMayNeitherPauseResumeAbortNorPromote_eachRefusalIsRecordedAndNoCommandPublished()
            throws Exception {
        for (String action : List.of("pause", "resume", "abort", "promote")) {
            mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/" + action).header("Authorization", "Bearer demo-ci")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"pipeline step\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.refusal").value("NOT_PERMITTED"));
            CLOCK.advance(java.time.Duration.ofMinutes(1));
        }
        ArgumentCaptor<ActionRefused> refused = ArgumentCaptor.forClass(ActionRefused.class);
        verify(publisher, org.mockito.Mockito.times(4)).publish(eq(Topics.ROLLOUTS), eq("ict-qm"), refused.capture());
        org.assertj.core.api.Assertions.assertThat(refused.getAllValues()).extracting(ActionRefused::getAction)
                .containsExactly("ROLLOUT_PAUSE", "ROLLOUT_RESUME", "ROLLOUT_ABORT", "ROLLOUT_PROMOTE");
        org.assertj.core.api.Assertions.assertThat(refused.getAllValues()).extracting(ActionRefused::getAttemptedBy)
                .containsOnly("ci");
        verify(publisher, never()).publish(eq(Topics.ROLLOUT_COMMANDS), any(), any());
    }

    @Test
    void onCallMayPause() throws Exception {
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-erin")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"paged, holding\"}"))
                .andExpect(status().isAccepted());
        verify(publisher).publish(eq(Topics.ROLLOUT_COMMANDS), eq("ict-qm"), any(RolloutCommandRequested.class));
    }

    @Test
    void aFloodOfRefusalsIsAnsweredButRecordedAtMostTwicePerMinute() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/abort").header("Authorization", "Bearer demo-ci")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"flood\"}"))
                    .andExpect(status().isForbidden());
        }
        verify(publisher, org.mockito.Mockito.times(2)).publish(eq(Topics.ROLLOUTS), eq("ict-qm"),
                any(ActionRefused.class));

        CLOCK.advance(java.time.Duration.ofMinutes(1));
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/abort").header("Authorization", "Bearer demo-ci")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"flood\"}"))
                .andExpect(status().isForbidden());
        verify(publisher, org.mockito.Mockito.times(3)).publish(eq(Topics.ROLLOUTS), eq("ict-qm"),
                any(ActionRefused.class));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsPublishedOnceAndAnsweredAsTheFirst() throws Exception {
        String first = mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-erin")
                        .header("Idempotency-Key", "pause-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"holding\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-erin")
                        .header("Idempotency-Key", "pause-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"holding\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(content().json(first));
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-erin")
                        .header("Idempotency-Key", "pause-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"something else\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));

        ArgumentCaptor<RolloutCommandRequested> sent = ArgumentCaptor.forClass(RolloutCommandRequested.class);
        verify(publisher).publish(eq(Topics.ROLLOUT_COMMANDS), eq("ict-qm"), sent.capture());
        // The command's id is derived from caller and key: a retry on another instance carries the same id.
        org.assertj.core.api.Assertions.assertThat(sent.getValue().getMeta().getEventId())
                .isEqualTo(IdempotentRequests.firstEventId("erin", "pause-1"));
    }

    @Test
    void whenKafkaDoesNotConfirmAKeyedCommandTheAnswerSaysRetryWithTheSameKey() throws Exception {
        when(publisher.publish(eq(Topics.ROLLOUT_COMMANDS), any(), any()))
                .thenThrow(new EventNotStoredException("greenlight.rollout-commands", null));

        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-erin")
                        .header("Idempotency-Key", "pause-2").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"holding\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "may or may not be recorded: retry with the same Idempotency-Key")));
    }

    @Test
    void aCommandWithoutReasonIs400AndOneThatDoesNotApplyIs409() throws Exception {
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/pause").header("Authorization", "Bearer demo-bob")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post("/api/v1/rollouts/ict-qm/2.1.0/resume").header("Authorization", "Bearer demo-dave")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"go on\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.refusal").value("ILLEGAL_STATE"));
    }
}
