package dev.greenlight.checkingest.evidence.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits on the request thread for the broker's acknowledgement of a request's events, so the
 * request is answered (2xx) in the same servlet dispatch that read it — only after the ack, as
 * before. Returning the future to Spring MVC instead costs a second dispatch per request once the
 * ack arrives (Tomcat's valves, the security filter chain and the {@code DispatcherServlet} run
 * again, plus the async listeners of security and observation): about an eighth of a one-sample
 * request's CPU in the profile of docs/performance.md ("Fourth pass"). Waiting is bounded: the
 * future fails with {@code EventNotStoredException} (503) after {@code greenlight.publish.ack-timeout}
 * at the latest; a waiting thread is parked, not spinning. What that costs is threads: Tomcat's
 * pool (200 by default) bounds the requests waiting for an ack at once, far above what the
 * one-sample path needs (at 10 k requests/s and a few ms to the ack, a few dozen).
 */
final class Acknowledged {

    private Acknowledged() {
    }

    /** The future's value once it completed; its failure (e.g. {@code EventNotStoredException}) thrown as is. */
    static <T> T await(CompletableFuture<T> acknowledgement) {
        try {
            return acknowledgement.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
