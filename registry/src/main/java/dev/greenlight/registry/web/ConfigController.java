package dev.greenlight.registry.web;

import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.registry.application.SchemaRegistryService;
import dev.greenlight.registry.domain.CompatibilityLevel;
import dev.greenlight.registry.domain.SubjectCompatibilityNotConfiguredException;

/** Confluent's {@code /config} resource: global and per-subject compatibility levels. */
@RestController
@RequestMapping(path = "/config", produces = {RegistryMediaTypes.V1_JSON_VALUE,
        RegistryMediaTypes.DEFAULT_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
class ConfigController {

    private final SchemaRegistryService registry;

    ConfigController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GetMapping
    ConfigResponse global() {
        return new ConfigResponse(registry.globalLevel().name());
    }

    @PutMapping
    ConfigUpdate setGlobal(@RequestBody ConfigUpdate update) {
        return new ConfigUpdate(registry.setLevel(null, CompatibilityLevel.parse(update.compatibility())).name());
    }

    @GetMapping("/{subject}")
    ConfigResponse subject(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        CompatibilityLevel level = registry.subjectLevel(subject)
                .or(() -> defaultToGlobal ? Optional.of(registry.globalLevel()) : Optional.empty())
                .orElseThrow(() -> new SubjectCompatibilityNotConfiguredException(subject));
        return new ConfigResponse(level.name());
    }

    @PutMapping("/{subject}")
    ConfigUpdate setSubject(@PathVariable String subject, @RequestBody ConfigUpdate update) {
        return new ConfigUpdate(registry.setLevel(subject, CompatibilityLevel.parse(update.compatibility())).name());
    }
}
