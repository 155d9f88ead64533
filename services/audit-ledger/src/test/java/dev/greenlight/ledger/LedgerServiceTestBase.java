package dev.greenlight.ledger;

import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.testing.ApiClients;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * What every audit-ledger test that runs the real service against an embedded broker set up for
 * itself, in one place: the signing key in a directory of the test class's own (a fresh ledger key
 * per class), the publisher the test writes events with, and the ledger API on the random port as a
 * user sees it. Each subclass still names its own {@code @SpringBootTest} settings. The context is
 * closed after the class, as when each class registered the key directory itself: no class reads
 * another's ledger, broker or key, and a closed class's broker does not linger.
 */
@DirtiesContext
public abstract class LedgerServiceTestBase {

    /** The ledger's key directory; the test class may also write its own files here. */
    @TempDir
    protected static Path keyDir;

    @Autowired
    protected EventPublisher publisher;
    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void keyDir(DynamicPropertyRegistry registry) {
        registry.add("greenlight.ledger.key-dir", keyDir::toString);
    }

    /** The running service, e.g. {@code http://localhost:PORT}; only with a random-port web environment. */
    protected String serviceUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    /** The ledger API's base URL, {@code serviceUrl()/api/v1/ledger}. */
    protected String ledgerUrl() {
        return serviceUrl() + "/api/v1/ledger";
    }

    /**
     * The ledger API as {@code token} (null: anonymously), answering 4xx and 5xx as values for the
     * test to assert on ({@link ApiClients}).
     */
    protected RestClient api(String token) {
        return ApiClients.as(ledgerUrl(), token);
    }
}
