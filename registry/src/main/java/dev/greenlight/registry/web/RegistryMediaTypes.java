package dev.greenlight.registry.web;

import org.springframework.http.MediaType;

/** Confluent's media types; the v1 type is what every Confluent client asks for first. */
public final class RegistryMediaTypes {

    public static final String V1_JSON_VALUE = "application/vnd.schemaregistry.v1+json";
    public static final String DEFAULT_JSON_VALUE = "application/vnd.schemaregistry+json";
    public static final MediaType V1_JSON = MediaType.parseMediaType(V1_JSON_VALUE);

    private RegistryMediaTypes() {
    }
}
