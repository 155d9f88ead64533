package dev.greenlight.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A stopping service gives Kafka Streams long enough to close cleanly: only a clean close writes the
 * checkpoints that let the next start skip restoring its stores (under Spring's 10 s default, the
 * gate and the rollout controller were still closing when the local stack stopped the broker, and
 * restored everything written since their last start on the next one).
 */
class StreamsCloseTimeoutTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(GreenlightKafkaAutoConfiguration.StreamsDeadLetterConfiguration.class)
            .withBean(DeadLetterRecoverer.class, () -> Mockito.mock(DeadLetterRecoverer.class));

    private static Duration closeTimeoutAfter(StreamsBuilderFactoryBeanConfigurer configurer) {
        StreamsBuilderFactoryBean factoryBean = new StreamsBuilderFactoryBean();
        configurer.configure(factoryBean);
        return (Duration) ReflectionTestUtils.getField(factoryBean, "closeTimeout");
    }

    @Test
    void kafkaStreamsIsGivenTwoMinutesToCloseCleanlyInsteadOfSpringsTenSeconds() {
        assertThat(StreamsBuilderFactoryBean.DEFAULT_CLOSE_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        context.run(ctx -> assertThat(closeTimeoutAfter(
                ctx.getBean("greenlightStreamsCloseTimeout", StreamsBuilderFactoryBeanConfigurer.class)))
                .isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    void anOperatorSetsTheWaitToFitTheOrchestratorsGracePeriod() {
        context.withPropertyValues("greenlight.streams.close-timeout=5m").run(ctx -> assertThat(closeTimeoutAfter(
                ctx.getBean("greenlightStreamsCloseTimeout", StreamsBuilderFactoryBeanConfigurer.class)))
                .isEqualTo(Duration.ofMinutes(5)));
    }
}
