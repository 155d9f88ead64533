package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.HealthProbe;
import dev.greenlight.platform.time.Pause;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * When each component of a starting stack first reported health UP, counted from the process's
 * start. {@code greenlight up} only says when the last one was; a restart that takes several times an
 * empty start needs to say which component it waited for. One polling thread per component, so a
 * slow answer from one (a probe may take up to its 2 s timeout) does not delay another's time.
 */
final class ComponentReadiness implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final long startNanos;
    private final ExecutorService pollers;
    private final Map<String, Duration> upAfter = new ConcurrentHashMap<>();
    private final List<String> components;
    private volatile boolean watching = true;

    private ComponentReadiness(long startNanos, List<String> components) {
        this.startNanos = startNanos;
        this.components = components;
        this.pollers = Executors.newFixedThreadPool(Math.max(1, components.size()), runnable -> {
            Thread thread = new Thread(runnable, "bench-readiness");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts polling {@code healthUrls} (component → actuator health URL), times counted from {@code startNanos}. */
    static ComponentReadiness watch(Map<String, String> healthUrls, long startNanos) {
        ComponentReadiness readiness = new ComponentReadiness(startNanos, List.copyOf(healthUrls.keySet()));
        HealthProbe probe = new HealthProbe();
        healthUrls.forEach((component, url) -> readiness.pollers.submit(() -> {
            Pause pause = Pause.blocking();
            try {
                while (readiness.watching) {
                    if (probe.isUp(url)) {
                        readiness.upAfter.put(component, Duration.ofNanos(System.nanoTime() - readiness.startNanos));
                        return;
                    }
                    pause.pause(POLL);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // close() gave up waiting: this component gets no time
            }
        }));
        return readiness;
    }

    /**
     * Stops watching; the components already UP keep their times, the others get none. Waits briefly
     * for the pollers to see a component that has just come up (the stack printed it was up).
     */
    @Override
    public void close() {
        pollers.shutdown();
        try {
            if (!pollers.awaitTermination(5, TimeUnit.SECONDS)) {
                watching = false;
                pollers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watching = false;
            pollers.shutdownNow();
        }
        watching = false;
    }

    /** Component → time from the process's start to its first health UP, in the order given at {@link #watch}. */
    Map<String, Duration> upAfter() {
        Map<String, Duration> ordered = new LinkedHashMap<>();
        for (String component : components) {
            Duration after = upAfter.get(component);
            if (after != null) {
                ordered.put(component, after);
            }
        }
        return ordered;
    }
}
