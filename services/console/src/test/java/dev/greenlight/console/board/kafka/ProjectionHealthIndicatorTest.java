package dev.greenlight.console.board.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.console.board.application.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Readiness follows the projection: DOWN with its lag until it read the topics to their start-up ends. */
class ProjectionHealthIndicatorTest {

    record Fixed(boolean caughtUp, long lag) implements ProjectionStatus {
    }

    @Test
    void downWithTheLagWhileCatchingUpThenUp() {
        Health catchingUp = indicator(new Fixed(false, 1234)).health();
        assertThat(catchingUp.getStatus()).isEqualTo(Status.DOWN);
        assertThat(catchingUp.getDetails()).containsEntry("lag", 1234L).containsEntry("caughtUp", false);

        Health caughtUp = indicator(new Fixed(true, 0)).health();
        assertThat(caughtUp.getStatus()).isEqualTo(Status.UP);
        assertThat(caughtUp.getDetails()).containsEntry("lag", 0L);
    }

    private static ProjectionHealthIndicator indicator(ProjectionStatus status) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("status", status);
        return new ProjectionHealthIndicator(beans.getBeanProvider(ProjectionStatus.class));
    }

    @Test
    void theLagIsWhatRemainsUpToTheEndOffsetsOfStartUp() {
        ReadProgress progress = new ReadProgress();
        assertThat(progress.lag()).as("unknown before any end offset").isEqualTo(-1);

        progress.end("greenlight.releases", 0, 10);
        progress.end("greenlight.releases", 1, 5);
        progress.end("greenlight.decisions", 0, 0);
        assertThat(progress.lag()).isEqualTo(15);

        progress.read("greenlight.releases", 0, 3); // offsets 0..3 read
        progress.read("greenlight.releases", 1, 4);
        assertThat(progress.lag()).isEqualTo(6);

        progress.read("greenlight.releases", 0, 9);
        progress.read("greenlight.releases", 0, 2); // a re-read after a reconnect moves nothing back
        progress.read("greenlight.releases", 1, 7); // records after the start-up end
        assertThat(progress.lag()).isZero();
    }
}
