package dev.greenlight.cli.stack;

import dev.greenlight.platform.topics.KafkaAcls;
import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.registry.kafka.SchemaStoreProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * Brings a broker's users and ACLs to exactly what Greenlight declares, as the super user, at every
 * start of the local stack: each {@link KafkaUser}'s SCRAM credential from the credentials file
 * (upserted, so an edited password takes effect), the ACLs of {@link KafkaAcls} created, and any
 * other ACL removed. Idempotent: a restart on the same data directory changes nothing.
 */
public final class KafkaSecuritySetup {

    /** Kafka's minimum for SCRAM-SHA-512; the cost is paid once per connection, by the client. */
    private static final int ITERATIONS = 4096;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private KafkaSecuritySetup() {
    }

    /**
     * Applies users and ACLs, then waits until a SCRAM login works (credentials reach the broker's
     * authenticator through the metadata log, an instant after the admin call returns).
     *
     * @throws TimeoutException if the broker does not take them within {@code timeout}
     */
    public static void apply(Admin admin, String bootstrapServers, KafkaCredentials credentials, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        long timeoutMs = timeout.toMillis();
        Set<AclBinding> wanted = new LinkedHashSet<>(KafkaAcls.bindings(SchemaStoreProperties.DEFAULT_TOPIC));
        Set<AclBinding> present = new LinkedHashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
                .get(timeoutMs, TimeUnit.MILLISECONDS));
        List<AclBindingFilter> stale = present.stream().filter(binding -> !wanted.contains(binding))
                .map(AclBinding::toFilter).toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(timeoutMs, TimeUnit.MILLISECONDS);
        }
        wanted.removeAll(present);
        if (!wanted.isEmpty()) {
            admin.createAcls(wanted).all().get(timeoutMs, TimeUnit.MILLISECONDS);
        }
        // After the ACLs: once a SCRAM login works, the metadata log has reached the broker past them.
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (KafkaUser user : KafkaUser.values()) {
            users.add(new UserScramCredentialUpsertion(user.userName(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                    credentials.password(user.userName())));
        }
        admin.alterUserScramCredentials(users).all().get(timeoutMs, TimeUnit.MILLISECONDS);

        awaitScramLogin(bootstrapServers, credentials, timeout);
    }

    private static void awaitScramLogin(String bootstrapServers, KafkaCredentials credentials, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = new HashMap<>(credentials.clientProperties(KafkaUser.DEPLOYER));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        while (true) {
            try (Admin probe = Admin.create(config)) {
                probe.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException) && !(e instanceof TimeoutException)) {
                    throw new IllegalStateException("SCRAM login to " + bootstrapServers + " failed", e.getCause());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException("SCRAM credentials not in effect within " + timeout);
                }
                LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            }
        }
    }
}
