package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.console.board.domain.ReleaseAnnounced;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * People's actions go through the owning services' APIs with the person's own bearer token (a
 * stub approval and rollout service records what arrives), and a refusal comes back to the page
 * with the service's own reason. The console never acts under an authority of its own.
 */
class ActionsThroughApisTest extends ConsolePageTest {

    record Call(String method, String path, String authorization, String body) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer STUB = stub();

    static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                CALLS.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(), auth, body));
                boolean bob = "Bearer demo-bob".equals(auth);
                byte[] answer = (bob ? "{\"approvalId\":\"a-1\"}"
                        : "{\"title\":\"Not permitted\",\"status\":403,\"detail\":\"alice lacks role auditor\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", bob ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(bob ? 201 : 403, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String url = "http://localhost:" + STUB.getAddress().getPort();
        registry.add("greenlight.console.services.approval", () -> url);
        registry.add("greenlight.console.services.rollout-controller", () -> url);
        registry.add("greenlight.console.services.audit-ledger", () -> url);
    }

    @AfterAll
    static void stop() {
        STUB.stop(0);
    }

    @BeforeEach
    void release() {
        CALLS.clear();
        given(new ReleaseAnnounced("act-qm", "2.1.0", "STRATEGY", "alice", "abc", "ict-release", Instant.EPOCH));
    }

    @Test
    void anApprovalIsSentAsThePersonWithTheirOwnToken() throws Exception {
        MockHttpSession bob = signIn("demo-bob");

        mvc.perform(post("/releases/act-qm@2.1.0/sign-off").session(bob).with(csrf()).param("role", "auditor")
                        .param("verdict", "APPROVE").param("comment", "AUD-1"))
                .andExpect(redirectedUrl("/releases/act-qm@2.1.0"))
                .andExpect(flash().attribute("done", "Approved as auditor."));

        assertThat(CALLS).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/api/v1/approvals");
            assertThat(call.authorization()).isEqualTo("Bearer demo-bob");
            assertThat(call.body()).contains("\"target\":\"act-qm\"", "\"version\":\"2.1.0\"", "\"role\":\"auditor\"",
                    "\"verdict\":\"APPROVE\"").doesNotContain("approver");
        });
    }

    @Test
    void aRefusalShowsTheServicesReasonOnThePage() throws Exception {
        MockHttpSession alice = signIn("demo-alice");

        mvc.perform(post("/releases/act-qm@2.1.0/sign-off").session(alice).with(csrf()).param("role", "auditor")
                        .param("verdict", "APPROVE"))
                .andExpect(redirectedUrl("/releases/act-qm@2.1.0"))
                .andExpect(flash().attribute("refused", "Refused (403): alice lacks role auditor"));
        assertThat(CALLS).extracting(Call::authorization).containsExactly("Bearer demo-alice");

        String page = mvc.perform(get("/releases/act-qm@2.1.0").session(alice)
                        .flashAttr("refused", "Refused (403): alice lacks role auditor"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("role=\"alert\">Refused (403): alice lacks role auditor");
    }

    @Test
    void theKillSwitchRolloutControlAndHoldsCallTheirApisAsThePerson() throws Exception {
        MockHttpSession alice = signIn("demo-alice");

        mvc.perform(post("/releases/act-qm@2.1.0/kill-switch").session(alice).with(csrf()).param("action", "ACTIVATE")
                .param("reason", "page alert"));
        mvc.perform(post("/releases/act-qm@2.1.0/rollout/pause").session(alice).with(csrf()).param("reason", "look"));
        mvc.perform(post("/releases/act-qm@2.1.0/holds").session(alice).with(csrf()).param("name", "incident-1")
                .param("target", "act-*").param("reason", "stop"));
        mvc.perform(post("/releases/act-qm@2.1.0/holds/h-9/lift").session(alice).with(csrf()).param("reason", "ok"));

        assertThat(CALLS).extracting(c -> c.method() + " " + c.path()).containsExactly(
                "POST /api/v1/kill-switch", "POST /api/v1/rollouts/act-qm/2.1.0/pause", "POST /api/v1/holds",
                "DELETE /api/v1/holds/h-9?reason=ok");
        assertThat(CALLS).extracting(Call::authorization).containsOnly("Bearer demo-alice");
        assertThat(CALLS.get(0).body()).contains("\"action\":\"ACTIVATE\"", "\"target\":\"act-qm\"");
    }

    @Test
    void anUnknownRolloutCommandOrAMissingCsrfTokenCallsNothing() throws Exception {
        MockHttpSession bob = signIn("demo-bob");

        mvc.perform(post("/releases/act-qm@2.1.0/rollout/delete").session(bob).with(csrf()).param("reason", "x"));
        mvc.perform(post("/releases/act-qm@2.1.0/kill-switch").session(bob).param("action", "ACTIVATE")
                .param("reason", "no csrf"));

        assertThat(CALLS).isEmpty();
    }
}
