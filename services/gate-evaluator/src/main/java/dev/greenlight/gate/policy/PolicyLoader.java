package dev.greenlight.gate.policy;

import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads policy documents: first the copy packaged on the classpath ({@code policies/*.yaml}, the
 * repository's shipped policies), then each configured directory. A directory's policy replaces a
 * packaged one of the same name, so operators can roll out a policy change without a rebuild. An
 * invalid document stops startup: gating with a half-understood policy is worse than not starting.
 */
final class PolicyLoader {

    private final PolicyParser parser = new PolicyParser();

    PolicyCatalog load(List<Path> directories) {
        Map<String, LoadedPolicy> byName = new LinkedHashMap<>();
        for (LoadedPolicy policy : packaged()) {
            byName.put(policy.policy().name(), policy);
        }
        for (Path directory : directories) {
            for (LoadedPolicy policy : fromDirectory(directory)) {
                byName.put(policy.policy().name(), policy);
            }
        }
        return new PolicyCatalog(byName.values());
    }

    private List<LoadedPolicy> packaged() {
        try {
            List<LoadedPolicy> policies = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:policies/*.yaml")) {
                try (InputStream in = resource.getInputStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    policies.add(parse(resource.getFilename(), text, "classpath:policies/" + resource.getFilename()));
                }
            }
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read packaged policies", e);
        }
    }

    private List<LoadedPolicy> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<LoadedPolicy> policies = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                policies.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8),
                        file.toString()));
            }
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policies in " + directory, e);
        }
    }

    private LoadedPolicy parse(String fileName, String text, String source) {
        return new LoadedPolicy(parser.parse(fileName, text), text, source);
    }
}
