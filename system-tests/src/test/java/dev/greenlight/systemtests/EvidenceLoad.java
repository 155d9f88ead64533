package dev.greenlight.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check reports for a few releases of policy {@code ops-release}, each with its own {@code eventId},
 * posted in batches to check-ingest as CI would, each batch retried with the same ids until it is
 * answered 2xx (a refused connection while check-ingest is down, a 503 while Kafka cannot take it).
 * The staging checks alternate FAIL and PASS so the gate keeps deciding while faults land;
 * {@link #settle} ends every release with all checks passing, so each must end at staging GO.
 */
final class EvidenceLoad {

    static final List<String> STAGING_CHECKS = List.of("readiness:agents", "alerts:validate", "runbooks:index",
            "security-scan", "changelog");
    static final String VERSION = "1.4.0";
    static final String REVISION = "7e57ab1";
    private static final int BATCH = 20;

    private final ProductionStack stack;
    private final List<String> targets;
    private final String runId;
    private final Instant base = Instant.now().minus(Duration.ofMinutes(30));
    private final Set<String> acknowledged = new LinkedHashSet<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private int next;

    EvidenceLoad(ProductionStack stack, String prefix, int targets) {
        this.stack = stack;
        this.runId = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            names.add("agent-orchestration-ops-" + runId + "-" + i);
        }
        this.targets = List.copyOf(names);
    }

    List<String> targets() {
        return targets;
    }

    void registerAll() {
        Releases releases = new Releases(stack);
        targets.forEach(target -> releases.register(target, VERSION, REVISION));
    }

    /** Posts the next {@code events} evidence events, round robin over the releases. */
    void post(int events) {
        List<String> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            int n = next++;
            String target = targets.get(n % targets.size());
            int perTarget = n / targets.size();
            String status = (perTarget / STAGING_CHECKS.size()) % 2 == 0 ? "FAIL" : "PASS";
            String id = runId + ":" + n;
            batch.add(check(target, STAGING_CHECKS.get(perTarget % STAGING_CHECKS.size()), status, id, n));
            ids.add(id);
            if (batch.size() == BATCH || i == events - 1) {
                send(batch, ids);
                batch = new ArrayList<>();
                ids = new ArrayList<>();
            }
        }
    }

    /** Every release's staging checks, passing, after everything else: each must end GO at staging. */
    void settle() {
        for (String target : targets) {
            List<String> batch = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (String name : STAGING_CHECKS) {
                int n = next++;
                String id = runId + ":" + n;
                batch.add(check(target, name, "PASS", id, n));
                ids.add(id);
            }
            send(batch, ids);
        }
    }

    /** One batch as JSON, for a caller that wants to see the answer itself (e.g. a 503). */
    String batchOf(String target, List<String> ids) {
        List<String> batch = new ArrayList<>();
        for (String id : ids) {
            batch.add(check(target, STAGING_CHECKS.get(0), "PASS", id, next++));
        }
        return "[" + String.join(",", batch) + "]";
    }

    private String check(String target, String name, String status, String id, int n) {
        Instant completed = base.plusMillis(100L * n);
        return """
                {"target": "%s", "version": "%s", "name": "%s", "status": "%s", "revision": "%s",
                 "startedAt": "%s", "completedAt": "%s", "eventId": "%s"}""".formatted(target, VERSION, name, status,
                REVISION, completed.minusSeconds(10), completed, id);
    }

    private void send(List<String> batch, List<String> ids) {
        String json = "[" + String.join(",", batch) + "]";
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ProductionStack.Reply reply = stack.call("POST", "check-ingest", "/api/v1/checks", "ci", json);
            if (reply.status() / 100 == 2) {
                return true;
            }
            refusals.incrementAndGet();
            return false;
        });
        synchronized (acknowledged) {
            acknowledged.addAll(ids);
        }
    }

    /** The event ids check-ingest acknowledged (2xx). */
    Set<String> acknowledged() {
        synchronized (acknowledged) {
            return Set.copyOf(acknowledged);
        }
    }

    String runId() {
        return runId;
    }

    /** Answers other than 2xx (or no answer) that were retried. */
    int refusals() {
        return refusals.get();
    }
}
