package dev.greenlight.registry.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.registry.application.SchemaRegistryService;
import dev.greenlight.registry.domain.VersionId;

/** Confluent's {@code /subjects} resource: registering, looking up, listing and soft-deleting. */
@RestController
@RequestMapping(path = "/subjects", produces = {RegistryMediaTypes.V1_JSON_VALUE,
        RegistryMediaTypes.DEFAULT_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
class SubjectsController {

    private final SchemaRegistryService registry;

    SubjectsController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GetMapping
    List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
        return registry.subjects(deleted);
    }

    @PostMapping("/{subject}/versions")
    IdResponse register(@PathVariable String subject, @RequestBody SchemaRequest request) {
        return new IdResponse(registry.register(subject, request.avro()).id());
    }

    @PostMapping("/{subject}")
    SubjectVersionResponse lookup(@PathVariable String subject, @RequestBody SchemaRequest request) {
        return SubjectVersionResponse.of(registry.lookup(subject, request.avro()));
    }

    @GetMapping("/{subject}/versions")
    List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versions(subject, deleted);
    }

    @GetMapping("/{subject}/versions/{version}")
    SubjectVersionResponse version(@PathVariable String subject, @PathVariable String version,
            @RequestParam(defaultValue = "false") boolean deleted) {
        return SubjectVersionResponse.of(registry.version(subject, VersionId.parse(version), deleted));
    }

    @DeleteMapping("/{subject}")
    List<Integer> delete(@PathVariable String subject) {
        return registry.deleteSubject(subject);
    }
}
