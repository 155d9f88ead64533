package dev.greenlight.checkingest.evidence.web;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One rule for opening an evidence request's JSON body, whichever path reads it (the plain
 * {@link EvidenceServlet} or the MVC converter {@link MetricSamplesConverter}): the application's
 * {@link JsonMapper} (its read constraints and strict scalars apply), Jackson's own encoding
 * detection for Unicode bodies and the declared charset for anything else, as Spring's JSON
 * converter did.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** A parser over {@code body}, whose {@code Content-Type} declared {@code charset} (null: none). */
    static JsonParser parser(JsonMapper mapper, InputStream body, Charset charset) {
        return charset == null || charset.name().startsWith("UTF-") ? mapper.createParser(body)
                : mapper.createParser(new InputStreamReader(body, charset));
    }

    /**
     * The body as a tree, read as Spring's JSON converter reads a {@code @RequestBody JsonNode}
     * (an {@code ObjectReader} over the stream, so trailing content is judged by the mapper's
     * settings, not ignored).
     */
    static JsonNode tree(JsonMapper mapper, InputStream body, Charset charset) {
        return charset == null || charset.name().startsWith("UTF-") ? mapper.readerFor(JsonNode.class).readValue(body)
                : mapper.readerFor(JsonNode.class).readValue(new InputStreamReader(body, charset));
    }
}
