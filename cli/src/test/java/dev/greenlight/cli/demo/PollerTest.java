package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A demo step waits for the stack's reaction, and a reaction that never comes names the step. */
class PollerTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Poller poller = new Poller(Duration.ofSeconds(5), nanos::get,
            pause -> nanos.addAndGet(pause.toNanos()));

    @Test
    void returnsTheFirstAnswerOnceTheStackShowsIt() {
        AtomicInteger polls = new AtomicInteger();

        String answer = poller.await("live-10 GO", () -> polls.incrementAndGet() < 3 ? null : "GO");

        assertThat(answer).isEqualTo("GO");
        assertThat(polls).hasValue(3);
    }

    @Test
    void failsNamingTheStepWhenItDoesNotHappenInTime() {
        AtomicInteger polls = new AtomicInteger();

        assertThatThrownBy(() -> poller.await("the rollout ramps to 10 %", () -> {
            polls.incrementAndGet();
            return null;
        }))
                .isInstanceOf(StepFailedException.class)
                .hasMessage("step 'the rollout ramps to 10 %' did not happen within 5 s")
                .extracting(e -> ((StepFailedException) e).step()).isEqualTo("the rollout ramps to 10 %");
        // Polled for the whole timeout at the poll interval, not once and not forever.
        assertThat(polls.get()).isEqualTo(1 + (int) (Duration.ofSeconds(5).toMillis() / Poller.INTERVAL.toMillis()));
    }
}
