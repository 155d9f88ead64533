package dev.greenlight.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids for the request being handled. A request that carries an {@code Idempotency-Key} gets
 * ids derived from (caller, key) — the n-th event it writes has the same id on every retry, on any
 * instance, after any restart — so consumers that deduplicate by event id (the gate, the rollout
 * controller, the ledger's readers) apply a retried command once even when the first answer was lost.
 * Without a key every event gets a random id, as before.
 *
 * <p>Bound to the handling thread by {@link IdempotencyKeys}; Greenlight's controllers are
 * synchronous, so the thread that handles the request writes its events.
 */
public final class IdempotentRequests {

    private static final ThreadLocal<Keyed> CURRENT = new ThreadLocal<>();

    private IdempotentRequests() {
    }

    /** The id of the next event this request writes: derived from its idempotency key, else random. */
    public static String nextEventId() {
        Keyed keyed = CURRENT.get();
        if (keyed == null) {
            return UUID.randomUUID().toString();
        }
        return derive(keyed.base + "#" + keyed.next++);
    }

    /** The id of the first event a request with {@code key} from {@code caller} writes. */
    public static String firstEventId(String caller, String key) {
        return derive(base(caller, key) + "#0");
    }

    static void bind(String caller, String key) {
        CURRENT.set(new Keyed(base(caller, key)));
    }

    static void unbind() {
        CURRENT.remove();
    }

    private static String base(String caller, String key) {
        return "greenlight-idempotency\n" + caller + "\n" + key;
    }

    private static String derive(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static final class Keyed {
        private final String base;
        private int next;

        Keyed(String base) {
            this.base = base;
        }
    }
}
