package dev.greenlight.platform.web;

import dev.greenlight.platform.refusals.RefusalThrottle;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.platform.security.ActorResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

/**
 * What every servlet-based Greenlight service gets without asking, so no endpoint can be added
 * without it: the shared problem documents of {@link CommonApiErrors}; a {@link BodySizeLimit} on
 * every request (a service may register its own, with its own property, instead — until this
 * default existed, a service that forgot to register one read bodies of any size); an
 * {@link IdempotencyKeys} filter right after authentication; and the per-caller
 * {@link RefusalThrottle} of refusal recording.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ProblemDetail.class)
public class GreenlightWebAutoConfiguration {

    /** Right after Spring Security's filter chain (order -100), so the caller is known. */
    static final int IDEMPOTENCY_ORDER = -90;

    @Bean
    @ConditionalOnMissingBean
    CommonApiErrors commonApiErrors() {
        return new CommonApiErrors();
    }

    @Bean
    StrictJsonScalars greenlightStrictJsonScalars() {
        return new StrictJsonScalars();
    }

    /** First in the chain: an oversized body is refused before authentication or parsing reads it. */
    @Bean
    @ConditionalOnMissingFilterBean(BodySizeLimit.class)
    FilterRegistrationBean<BodySizeLimit> greenlightBodySizeLimit(
            @Value("${greenlight.web.max-body-size:256KB}") DataSize limit) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(limit, "greenlight.web.max-body-size"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyKeys> greenlightIdempotencyKeys(ObjectProvider<ActorResolver> actors,
            ObjectProvider<Clock> clock,
            @Value("${greenlight.web.idempotency.capacity:10000}") int capacity,
            @Value("${greenlight.web.idempotency.ttl:24h}") Duration ttl) {
        ActorResolver resolver = actors.getIfAvailable();
        IdempotencyKeys filter = new IdempotencyKeys(request -> {
            if (resolver != null) {
                Actor actor = resolver.resolve(SecurityContextHolder.getContext().getAuthentication());
                return actor == null ? null : actor.name();
            }
            return request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        }, clock.getIfAvailable(Clock::systemUTC), capacity, ttl);
        FilterRegistrationBean<IdempotencyKeys> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(IDEMPOTENCY_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    RefusalThrottle refusalThrottle(ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
            @Value("${greenlight.refusals.per-caller-per-minute:20}") int perMinute) {
        return new RefusalThrottle(clock.getIfAvailable(Clock::systemUTC), perMinute,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
