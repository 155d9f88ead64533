package dev.greenlight.registry.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the JSON converter read {@code application/octet-stream} bodies: Confluent accepts them
 * (and requests without a content type default to it), so clients that send them must not get 415.
 * The vendor types already match the converter's {@code application/*+json}.
 */
@Configuration(proxyBeanMethods = false)
class RegistryWebConfig implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConverters(converter -> {
            if (converter instanceof JacksonJsonHttpMessageConverter json) {
                List<MediaType> types = new ArrayList<>(json.getSupportedMediaTypes());
                types.add(MediaType.APPLICATION_OCTET_STREAM);
                json.setSupportedMediaTypes(types);
            }
        });
    }
}
