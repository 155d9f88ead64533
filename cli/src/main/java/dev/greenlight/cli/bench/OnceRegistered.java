package dev.greenlight.cli.bench;

import dev.greenlight.platform.time.Pause;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A request about a release the bench has just registered, sent to a service that learns releases
 * from the releases topic (the approval service's release directory): check-ingest answers the
 * registration once the broker has it, but the other service reads it a moment later, and until
 * then answers 404 "release … is not registered" (or 503 while its directory is still reading the
 * topic after a start). So the bench repeats exactly those two answers — polling the service's
 * own view, with no fixed sleep — until it accepts, and after {@code atMost} fails with a message
 * naming the release; any other refusal fails at once, since repeating it would hide a real error.
 */
final class OnceRegistered {

    private static final Duration PAUSE = Duration.ofMillis(20);

    private OnceRegistered() {
    }

    /**
     * @param request one attempt (e.g. {@code () -> http.post(url, "bob", body)})
     * @param release {@code target@version}, for the failure message
     * @param what    what is posted, e.g. {@code "POST …/approvals as bob"}
     * @return the first 2xx reply
     */
    static BenchHttp.Reply postOk(Supplier<BenchHttp.Reply> request, String release, String what, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        int attempts = 0;
        while (true) {
            BenchHttp.Reply reply = request.get();
            attempts++;
            if (reply.ok()) {
                return reply;
            }
            if (!notYetKnown(reply)) {
                throw new IllegalStateException(what + " -> " + reply.status() + " " + reply.body());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: release %s still unknown to the service %d ms after its registration was acknowledged"
                                + " (%d attempts); last answer %d %s", what, release, atMost.toMillis(), attempts,
                        reply.status(), reply.body()));
            }
            try {
                Pause.blocking().pause(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted while waiting for " + release, e);
            }
        }
    }

    /** The service has not read the registration yet: 404 "… is not registered", or 503 while its view catches up. */
    static boolean notYetKnown(BenchHttp.Reply reply) {
        return reply.status() == 404 && reply.body().contains("is not registered") || reply.status() == 503;
    }
}
