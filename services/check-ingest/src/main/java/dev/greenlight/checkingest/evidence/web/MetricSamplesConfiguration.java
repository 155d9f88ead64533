package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link MetricSamplesConverter} ahead of the general JSON converter, for its one type only. */
@Configuration(proxyBeanMethods = false)
class MetricSamplesConfiguration implements WebMvcConfigurer {

    private final JsonMapper mapper;
    private final IngestProperties properties;

    MetricSamplesConfiguration(JsonMapper mapper, IngestProperties properties) {
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new MetricSamplesConverter(mapper, properties));
    }
}
