package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code POST /api/v1/metrics} bodies with {@link MetricSamplesReader} (JSON tokens straight
 * into samples) where the general Jackson converter built a tree first. It takes the same media
 * types ({@code application/json}, {@code application/*+json}; anything else stays 415), parses
 * with the application's {@link JsonMapper} (so its read constraints apply), and refuses malformed
 * JSON as that converter did ({@link HttpMessageNotReadableException}, 400).
 */
final class MetricSamplesConverter extends AbstractHttpMessageConverter<MetricSamples> {

    private final JsonMapper mapper;
    private final IngestProperties properties;

    MetricSamplesConverter(JsonMapper mapper, IngestProperties properties) {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return type == MetricSamples.class;
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected MetricSamples readInternal(Class<? extends MetricSamples> type, HttpInputMessage input)
            throws IOException {
        Charset charset = input.getHeaders().getContentType() == null ? null
                : input.getHeaders().getContentType().getCharset();
        try (JsonParser parser = JsonBodies.parser(mapper, input.getBody(), charset)) {
            return new MetricSamples(MetricSamplesReader.read(parser, properties.maxBatchSize()));
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        }
    }

    @Override
    protected void writeInternal(MetricSamples samples, HttpOutputMessage output) {
        throw new HttpMessageNotWritableException("metric samples are only read");
    }
}
