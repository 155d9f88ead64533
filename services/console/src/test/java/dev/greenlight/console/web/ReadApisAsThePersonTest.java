package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.console.board.domain.PolicyAnnounced;
import dev.greenlight.console.board.domain.ReleaseAnnounced;
import dev.greenlight.console.board.domain.StageDecided;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The pages that read another service's API (the ledger's what-if, the integrations' delivery
 * failures) call it as the signed-in person, with their own token, and show its refusal; the
 * policies page reads every announced policy into a table of stages and criteria.
 */
class ReadApisAsThePersonTest extends ConsolePageTest {

    record Call(String method, String path, String authorization, String contentType, String body) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer STUB = stub();

    static final String WHAT_IF = """
            {"blocked": true, "flipped": 1, "candidate": "rl-policy-go-nogo", "candidateHash": "c0ffee",
             "results": [
               {"decisionId": "d-1", "release": "rl-policy-x@1.0.0", "stage": "live-10", "evaluatedAt": "2026-11-01T10:00:00Z",
                "baseline": "GO", "candidate": "NO_GO", "reasons": ["policy-entropy: 0.93 < 0.95"]},
               {"decisionId": "d-2", "release": "rl-policy-y@1.0.0", "stage": "shadow", "evaluatedAt": "2026-11-01T10:00:00Z",
                "baseline": "GO", "candidate": "GO", "reasons": []}]}""";

    static final String FAILURES = """
            [{"dedupeKey": "k-1", "subscriptionId": "payments-slack", "channel": "SLACK", "host": "hooks.slack.com",
              "kind": "GATE_NO_GO", "target": "payments-api", "attempts": 5, "lastError": "HTTP 500",
              "failedAt": "2026-11-22T10:00:00Z"}]""";

    static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String path = exchange.getRequestURI().toString();
                CALLS.add(new Call(exchange.getRequestMethod(), path, auth,
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
                boolean bob = "Bearer demo-bob".equals(auth);
                String answer = !bob ? "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"alice may not read this\"}"
                        : path.startsWith("/api/v1/ledger/what-if") ? WHAT_IF : FAILURES;
                exchange.getResponseHeaders().add("Content-Type", bob ? "application/json" : "application/problem+json");
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(bob ? 200 : 403, bytes.length);
                exchange.getResponseBody().write(bytes);
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
        registry.add("greenlight.console.services.audit-ledger", () -> url);
        registry.add("greenlight.console.services.integrations", () -> url);
    }

    @AfterAll
    static void stop() {
        STUB.stop(0);
    }

    @BeforeEach
    void clear() {
        CALLS.clear();
    }

    @Test
    void thePoliciesPageShowsEachStagesCriteriaWithWhoApprovesAndTheReleasesItGoverns() throws Exception {
        String text = Files.readString(Path.of("../../policies/rl-policy-go-nogo.yaml"));
        given(new PolicyAnnounced("*", "rl-policy-go-nogo", "1", "hash-rl-1", text, Instant.EPOCH),
                new ReleaseAnnounced("rl-policy-q", "3.0.0", "MODEL", "alice", "abc", "rl-policy-go-nogo", Instant.EPOCH),
                new StageDecided("rl-policy-q", "3.0.0", "live-10", "HOLD", "d-1", List.of(), List.of(), List.of(), null,
                        "rl-policy-go-nogo", "hash-rl-1", Instant.EPOCH));

        String page = mvc.perform(get("/policies").session(signIn("demo-bob"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"p-hash-rl-1-shadow\"", "id=\"p-hash-rl-1-live-10\"", "10% traffic, soak 2h",
                "<caption class=\"visually-hidden\">Criteria of stage live-10</caption>");
        assertThat(row(page, "human-review")).contains("<td>approval</td>", "release-captain, tech-lead");
        assertThat(row(page, "q-spread")).contains("<td>metric</td>", "q_spread &lt;= 2 x q_spread_baseline");
        assertThat(row(page, "validation-48h")).contains("2 consecutive", "each run &gt;= 2d", "within 1d",
                "no failure in 3d");
        assertThat(row(page, "cost-spike")).contains("release-captain, tech-lead");
        assertThat(page).contains("page-alert: ", "-&gt; KILL", "t+30 at 30m");
        assertThat(page).contains("href=\"/releases/rl-policy-q@3.0.0\"");
        assertThat(page).contains("<summary>Policy text as announced</summary>");
    }

    @Test
    void whatIfPostsTheCandidateAsThePersonAndListsOnlyTheDecisionsItFlips() throws Exception {
        String page = mvc.perform(post("/policies/what-if").session(signIn("demo-bob")).with(csrf())
                        .param("candidate", "name: rl-policy-go-nogo\n").param("release", "rl-policy-x"))
                .andReturn().getResponse().getContentAsString();

        assertThat(CALLS).singleElement().satisfies(call -> {
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /api/v1/ledger/what-if?release=rl-policy-x");
            assertThat(call.authorization()).isEqualTo("Bearer demo-bob");
            assertThat(call.contentType()).startsWith("application/yaml");
            assertThat(call.body()).isEqualTo("name: rl-policy-go-nogo\n");
        });
        assertThat(page).contains("1 of 2 recorded decision(s) flip", "a GO would become NO-GO", "rl-policy-x@1.0.0",
                "policy-entropy: 0.93 &lt; 0.95").doesNotContain("rl-policy-y@1.0.0");
    }

    @Test
    void aRefusedWhatIfShowsTheLedgersReason() throws Exception {
        String page = mvc.perform(post("/policies/what-if").session(signIn("demo-alice")).with(csrf())
                        .param("candidate", "name: x\n"))
                .andReturn().getResponse().getContentAsString();

        assertThat(CALLS).extracting(Call::authorization).containsExactly("Bearer demo-alice");
        assertThat(page).contains("role=\"alert\">Refused (403): alice may not read this");
    }

    @Test
    void notificationDeliveryFailuresAreReadFromTheIntegrationsServiceAsThePerson() throws Exception {
        String page = mvc.perform(get("/notifications").session(signIn("demo-bob"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(CALLS).singleElement().satisfies(call -> {
            assertThat(call.method() + " " + call.path()).isEqualTo("GET /api/v1/deliveries/failures");
            assertThat(call.authorization()).isEqualTo("Bearer demo-bob");
        });
        assertThat(page).contains("1 notification(s) not delivered", "payments-api", "hooks.slack.com", "HTTP 500",
                "SLACK (payments-slack)", "GATE_NO_GO");
    }

    @Test
    void aRefusalOfTheDeliveryFailuresIsShownNotHidden() throws Exception {
        String page = mvc.perform(get("/notifications").session(signIn("demo-alice"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("role=\"alert\">Could not read delivery failures (403): alice may not read this")
                .doesNotContain("Every notification was delivered");
    }

    @Test
    void signedOutPeopleSeeNeitherPage() throws Exception {
        assertThat(mvc.perform(get("/notifications")).andReturn().getResponse().getRedirectedUrl()).endsWith("/sign-in");
        assertThat(mvc.perform(post("/policies/what-if").with(csrf()).param("candidate", "x")).andReturn()
                .getResponse().getRedirectedUrl()).endsWith("/sign-in");
        assertThat(CALLS).isEmpty();
    }

    /** The table row of one criterion, from its opening tag to its end. */
    private static String row(String page, String criterion) {
        int start = page.indexOf("data-criterion=\"" + criterion + "\"");
        assertThat(start).as("row of %s", criterion).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
