package dev.greenlight.checkingest.evidence.web;

import jakarta.servlet.Filter;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.servlet.filter.OrderedRequestContextFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Spring Boot's general servlet filters, applied to Spring MVC's {@code DispatcherServlet} only, so
 * a request {@link EvidenceServlet} serves does not pass through filters that do nothing for it:
 * <ul>
 *   <li>the character-encoding filter: it sets the request's encoding for {@code getReader()} and
 *       form parameters; the evidence servlet reads bytes and takes the charset from the
 *       {@code Content-Type} itself ({@link JsonBodies}), and does not force the answer's;</li>
 *   <li>the request-context filter: it exposes the request to thread-bound holders
 *       ({@code RequestContextHolder}, {@code LocaleContextHolder}), which nothing on the evidence
 *       path reads;</li>
 *   <li>the {@code http.server.requests} observation filter: for an evidence request it only asked
 *       {@link EvidenceObservationConfiguration}'s predicate to be told "no observation";
 *       {@link EvidenceObservation} times the request, and still hands a request whose caller asks for
 *       its trace to be recorded to this very filter, so such a request is observed and its span
 *       exported exactly as before.</li>
 * </ul>
 * Every other request (every endpoint Spring MVC serves, actuator and error pages included) goes
 * through all three as before. Measured in docs/performance.md ("Tenth pass").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "greenlight.ingest.evidence-servlet", havingValue = "true", matchIfMissing = true)
class EvidencePathFilters {

    /** Spring MVC's servlet: every path but the evidence servlet's two. */
    static final Set<String> MVC = Set.of(DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME);

    /**
     * Spring Boot's character-encoding filter bean (configured by {@code spring.servlet.encoding.*}),
     * under the very condition Spring Boot creates it.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "spring.servlet.encoding.enabled", matchIfMissing = true)
    FilterRegistrationBean<CharacterEncodingFilter> characterEncodingForMvc(CharacterEncodingFilter filter) {
        return forMvc(filter, "characterEncodingFilter");
    }

    /**
     * Spring Boot's own request-context filter, built as it builds it (it then registers none of its
     * own: its bean is conditional on no registration of that filter type).
     */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextForMvc() {
        return forMvc(new OrderedRequestContextFilter(), "requestContextFilter");
    }

    /** Spring Boot registers the observation filter itself; this maps that registration to MVC only. */
    @Bean
    static BeanPostProcessor serverObservationForMvc() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof FilterRegistrationBean<?> registration
                        && registration.getFilter() instanceof ServerHttpObservationFilter) {
                    registration.setServletNames(MVC);
                }
                return bean;
            }
        };
    }

    /** The filter as Spring Boot would register it (same order, same dispatcher types), for MVC's servlet only. */
    private static <F extends Filter> FilterRegistrationBean<F> forMvc(F filter, String name) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setServletNames(MVC);
        if (filter instanceof Ordered ordered) {
            registration.setOrder(ordered.getOrder());
        }
        return registration;
    }
}
