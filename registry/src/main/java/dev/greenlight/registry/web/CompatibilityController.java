package dev.greenlight.registry.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.registry.application.SchemaRegistryService;
import dev.greenlight.registry.domain.VersionId;

/** Confluent's {@code /compatibility} resource: a dry run of the registration check. */
@RestController
@RequestMapping(path = "/compatibility", produces = {RegistryMediaTypes.V1_JSON_VALUE,
        RegistryMediaTypes.DEFAULT_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
class CompatibilityController {

    private final SchemaRegistryService registry;

    CompatibilityController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @PostMapping("/subjects/{subject}/versions/{version}")
    CompatibilityResponse check(@PathVariable String subject, @PathVariable String version,
            @RequestParam(defaultValue = "false") boolean verbose, @RequestBody SchemaRequest request) {
        VersionId versionId = VersionId.parse(version);
        List<String> problems = registry.checkCompatibility(subject, versionId, request.avro());
        return new CompatibilityResponse(problems.isEmpty(), verbose ? problems : null);
    }
}
