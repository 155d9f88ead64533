package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Verify now": the export streamed from the ledger as the person and verified with the auditors'
 * verifier, then the ledger's own verification; the page follows its progress and shows both
 * verdicts, a refusal with the ledger's reason, and nobody else's verification.
 */
class LedgerVerifyNowTest extends ConsolePageTest {

    static final String HEADER = "{\"type\":\"header\",\"format\":\"greenlight-ledger-export/v1\",\"scope\":\"ledger\",\"partitions\":3}";
    static final String SIGNED = SignedTestLedger.export(25);
    static volatile String export = SIGNED;
    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer STUB = stub();

    static HttpServer stub() {
        try {
            String key = SignedTestLedger.publicKeyBase64();
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String path = exchange.getRequestURI().getPath();
                CALLS.add(exchange.getRequestMethod() + " " + path + " " + auth);
                boolean bob = "Bearer demo-bob".equals(auth);
                String answer = !bob ? "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"alice may not read the ledger\"}"
                        : path.endsWith("/keys") ? key
                        : path.endsWith("/export") ? export
                        : "{\"ok\": true, \"entries\": 0, \"checkpoints\": 0}";
                exchange.getResponseHeaders().add("Content-Type", path.endsWith("/export") ? "application/x-ndjson"
                        : path.endsWith("/keys") ? "text/plain" : "application/json");
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(bob ? 200 : 403, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        registry.add("greenlight.console.services.audit-ledger", () -> "http://localhost:" + STUB.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        STUB.stop(0);
    }

    @BeforeEach
    void clear() {
        CALLS.clear();
        export = SIGNED;
    }

    @Test
    void verifyNowStreamsTheExportAsThePersonVerifiesItAndAsksTheLedger() throws Exception {
        MockHttpSession bob = signIn("demo-bob");

        String page = follow(bob);

        assertThat(page).contains("data-done=\"true\"", "data-ok=\"true\"", "Verification finished",
                "Export verified: 25 entries, 1 checkpoint(s), tree size 25", "25 of 25 verified", "The ledger&#39;s own verification agrees", "value=\"100\"");
        assertThat(CALLS).containsExactly("GET /api/v1/ledger/keys Bearer demo-bob",
                "GET /api/v1/ledger/export Bearer demo-bob", "GET /api/v1/ledger/verify Bearer demo-bob");
    }

    @Test
    void aBrokenExportIsNotVerified() throws Exception {
        export = HEADER + "\n{\"type\":\"entry\",\"partition\":0,\"sequence\":0,\"entryHash\":\"00\"}\n";

        String page = follow(signIn("demo-bob"));

        assertThat(page).contains("data-ok=\"false\"", "Export NOT verified", "1 of 1 entries fetched");
    }

    @Test
    void aRefusalShowsTheLedgersReasonAndNoOneElseSeesTheVerification() throws Exception {
        MockHttpSession alice = signIn("demo-alice");

        String page = follow(alice);

        assertThat(page).contains("data-ok=\"false\"", "Could not read the ledger&#39;s keys (403): alice may not read the ledger");
        String id = lastId;
        assertThat(mvc.perform(get("/ledger/verify/" + id).session(signIn("demo-bob"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void withoutACsrfTokenNothingStarts() throws Exception {
        mvc.perform(post("/ledger/verify").session(signIn("demo-bob")));

        assertThat(CALLS).isEmpty();
    }

    private String lastId;

    /** Starts a verification and polls its fragment, as htmx does, until it is done; the last fragment. */
    private String follow(MockHttpSession session) throws Exception {
        String location = mvc.perform(post("/ledger/verify").session(session).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/ledger?verification=");
        lastId = location.substring(location.indexOf('=') + 1);
        String first = mvc.perform(get(location).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("id=\"verification\"", "<progress id=\"verify-progress\"");
        String[] fragment = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            fragment[0] = mvc.perform(get("/ledger/verify/" + lastId).session(session)).andReturn().getResponse()
                    .getContentAsString();
            return fragment[0].contains("data-done=\"true\"");
        });
        return fragment[0];
    }
}
