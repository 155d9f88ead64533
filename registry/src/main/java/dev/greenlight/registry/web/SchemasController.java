package dev.greenlight.registry.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.registry.application.SchemaRegistryService;

/** Confluent's {@code /schemas} resource: what deserializers call with the id from the wire. */
@RestController
@RequestMapping(path = "/schemas", produces = {RegistryMediaTypes.V1_JSON_VALUE,
        RegistryMediaTypes.DEFAULT_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
class SchemasController {

    private static final List<String> TYPES = List.of("AVRO");

    private final SchemaRegistryService registry;

    SchemasController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GetMapping("/ids/{id}")
    SchemaResponse byId(@PathVariable int id) {
        return new SchemaResponse(registry.schemaById(id));
    }

    @GetMapping("/types")
    List<String> types() {
        return TYPES;
    }
}
