package dev.greenlight.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link TraceparentSource} the APIs stamp their records with: the Micrometer tracer
 * when the service has one (check-ingest and approval bring Spring Boot's OpenTelemetry starter),
 * otherwise {@link TraceparentSource#NONE}. Runs after Boot's tracing auto-configuration so its
 * tracer and propagator are known.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"})
public class GreenlightTracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceparentSource traceparentSource(ObjectProvider<TraceparentSourceFactory> tracing) {
        return tracing.getIfAvailable(() -> () -> TraceparentSource.NONE).create();
    }

    /** Only where Micrometer Tracing is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(Tracer.class)
    static class MicrometerTracing {

        @Bean
        TraceparentSourceFactory micrometerTraceparentSource(ObjectProvider<Tracer> tracer,
                ObjectProvider<Propagator> propagator) {
            return () -> {
                Tracer t = tracer.getIfAvailable();
                Propagator p = propagator.getIfAvailable();
                return t == null || p == null ? TraceparentSource.NONE : new MicrometerTraceparentSource(t, p);
            };
        }
    }

    /** Builds the source once the tracer beans exist (they are optional). */
    @FunctionalInterface
    interface TraceparentSourceFactory {
        TraceparentSource create();
    }
}
