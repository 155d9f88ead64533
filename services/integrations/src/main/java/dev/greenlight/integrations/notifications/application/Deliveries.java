package dev.greenlight.integrations.notifications.application;

import dev.greenlight.integrations.notifications.domain.ConsoleLinks;
import dev.greenlight.integrations.notifications.domain.Notification;
import dev.greenlight.integrations.notifications.domain.Occurrence;
import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import dev.greenlight.integrations.subscriptions.domain.PolicySubscriptions;
import dev.greenlight.integrations.notifications.domain.Rendered;
import dev.greenlight.integrations.notifications.domain.Renderers;
import dev.greenlight.integrations.notifications.domain.RetryPolicy;
import dev.greenlight.platform.time.Pause;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications at least once with bounded effort. The notifications of one event go out in
 * parallel, each on its own worker, so a slow or failing endpoint delays only its own notification;
 * each is tried at most {@link RetryPolicy#attempts()} times with exponential backoff (honouring
 * Retry-After up to the cap), then counted and kept as failed. {@link #deliver} returns when every
 * notification was delivered or given up on — the caller then commits the event's offset, so a crash
 * before that redelivers (same dedupe keys) rather than loses.
 *
 * <p>Metrics: {@code greenlight.notifications.delivered}, {@code .failed} and {@code .retried}
 * (counters tagged {@code channel} and {@code kind}).
 */
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final int KEPT_FAILURES = 100;

    private final Transport transport;
    private final Pause pause;
    private final RetryPolicy policy;
    private final Duration requestTimeout;
    private final ConsoleLinks links;
    private final ExecutorService workers;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Deque<DeliveryFailure> failures = new ArrayDeque<>();

    public Deliveries(Transport transport, Pause pause, RetryPolicy policy, Duration requestTimeout,
                      ConsoleLinks links, ExecutorService workers, MeterRegistry meters, Clock clock) {
        this.transport = transport;
        this.pause = pause;
        this.policy = policy;
        this.requestTimeout = requestTimeout;
        this.links = links;
        this.workers = workers;
        this.meters = meters;
        this.clock = clock;
    }

    /** Delivers every notification (in parallel) and returns once each was delivered or given up on. */
    public void deliver(List<Notification> notifications) {
        List<Future<?>> running = new ArrayList<>();
        for (Notification notification : notifications) {
            running.add(workers.submit(() -> deliverOne(notification)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.error("delivery worker failed", e.getCause());
            }
        }
    }

    /** The most recent failures, newest first (at most 100), for operators and the console. */
    public synchronized List<DeliveryFailure> recentFailures() {
        return List.copyOf(failures);
    }

    private void deliverOne(Notification notification) {
        Rendered request = Renderers.render(notification, links);
        String channel = notification.subscription().channel().name();
        String kind = notification.occurrence().kind().name();
        String lastError = "";
        int attempts = 0;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            attempts = attempt;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                Transport.Answer answer = transport.post(notification.subscription().endpoint().url(),
                        request.headers(), request.body(), requestTimeout);
                if (answer.status() >= 200 && answer.status() < 300) {
                    meters.counter("greenlight.notifications.delivered", "channel", channel, "kind", kind).increment();
                    return;
                }
                lastError = "HTTP " + answer.status();
                if (!RetryPolicy.retryable(answer.status())) {
                    break;
                }
                retryAfter = answer.retryAfter();
            } catch (IOException e) {
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < policy.attempts()) {
                meters.counter("greenlight.notifications.retried", "channel", channel, "kind", kind).increment();
                try {
                    pause.pause(policy.backoff(attempt, retryAfter));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    lastError = "interrupted";
                    break;
                }
            }
        }
        meters.counter("greenlight.notifications.failed", "channel", channel, "kind", kind).increment();
        log.warn("notification {} to subscription {} ({} {}) failed: {}", notification.dedupeKey(),
                notification.subscription().id(), channel, notification.subscription().endpointHost(), lastError);
        Occurrence occurrence = notification.occurrence();
        remember(new DeliveryFailure(notification.dedupeKey(), notification.subscription().id(), channel,
                notification.subscription().endpointHost(), kind, occurrence.target(), attempts,
                redacted(lastError, notification.subscription().endpoint()), clock.instant(), occurrence.version(),
                occurrence.stage(), occurrence.title(), PolicySubscriptions.declared(notification.subscription())));
    }

    /** An error text without the endpoint's URL, path or secret (a connection error may quote them). */
    static String redacted(String error, Endpoint endpoint) {
        String out = error;
        if (endpoint.secret() != null && !endpoint.secret().isEmpty()) {
            out = out.replace(endpoint.secret(), "…");
        }
        if (endpoint.url() != null) {
            out = out.replace(endpoint.url().toString(), endpoint.url().getHost());
            String path = endpoint.url().getRawPath();
            if (path != null && path.length() > 1) {
                out = out.replace(path, "/…");
            }
            String query = endpoint.url().getRawQuery();
            if (query != null && !query.isEmpty()) {
                out = out.replace(query, "…");
            }
        }
        return out;
    }

    private synchronized void remember(DeliveryFailure failure) {
        failures.addFirst(failure);
        while (failures.size() > KEPT_FAILURES) {
            failures.removeLast();
        }
    }
}
