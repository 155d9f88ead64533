package dev.greenlight.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The kill-switch section approves releases it has just registered; the approval service learns
 * them from the releases topic a moment later. The bench must wait for that (the 404 "not
 * registered" of the last medium-size run), but no longer than its bound, and must not paper over
 * any other refusal.
 */
class OnceRegisteredTest {

    private static final String NOT_REGISTERED = """
            {"detail":"release bench-x-k28@1.0.28 is not registered","status":404,"title":"Not found"}""";

    private static Supplier<BenchHttp.Reply> answers(AtomicInteger calls, BenchHttp.Reply... replies) {
        Deque<BenchHttp.Reply> queue = new ArrayDeque<>(List.of(replies));
        return () -> {
            calls.incrementAndGet();
            return queue.size() > 1 ? queue.poll() : queue.peek();
        };
    }

    @Test
    void anApprovalPostedBeforeTheServiceReadTheRegistrationIsRepeatedUntilItIsAccepted() {
        AtomicInteger calls = new AtomicInteger();
        BenchHttp.Reply reply = OnceRegistered.postOk(answers(calls,
                        new BenchHttp.Reply(503, "{\"detail\":\"the release directory is still reading the releases topic\"}"),
                        new BenchHttp.Reply(404, NOT_REGISTERED), new BenchHttp.Reply(404, NOT_REGISTERED),
                        new BenchHttp.Reply(201, "{\"id\":\"a1\"}")),
                "bench-x-k28@1.0.28", "POST approvals as bob", Duration.ofSeconds(30));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(calls).hasValue(4);
    }

    @Test
    void aReleaseTheServiceNeverLearnsFailsAfterTheBoundNamingTheRelease() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> OnceRegistered.postOk(answers(calls, new BenchHttp.Reply(404, NOT_REGISTERED)),
                "bench-x-k28@1.0.28", "POST approvals as bob", Duration.ofMillis(100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bench-x-k28@1.0.28")
                .hasMessageContaining("still unknown to the service")
                .hasMessageContaining("404");
        assertThat(calls.get()).isGreaterThan(1);
    }

    @Test
    void anyOtherRefusalFailsAtOnceWithoutRepeating() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> OnceRegistered.postOk(answers(calls,
                        new BenchHttp.Reply(403, "{\"detail\":\"bob may not approve his own release\"}"),
                        new BenchHttp.Reply(201, "{}")),
                "bench-x-k28@1.0.28", "POST approvals as bob", Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("403");
        assertThat(calls).hasValue(1);
        // A 404 for something else (a wrong URL) is not "the release is not known yet" either.
        assertThat(OnceRegistered.notYetKnown(new BenchHttp.Reply(404, "{\"detail\":\"No static resource\"}"))).isFalse();
    }
}
