package dev.greenlight.gate.policy;

import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.catalog.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the policy catalogue once at startup with the shared {@link PolicyLoader}: first the copy
 * packaged on the classpath ({@code policies/*.yaml}, so a bare {@code java -jar} gates with the
 * shipped policies), then each directory of {@code greenlight.policies.dirs} (default
 * {@code policies}, the repository's folder when started from the repository root). A directory's
 * policy replaces a packaged one of the same name, so operators can roll out a policy change
 * without a rebuild; a missing directory is skipped. An invalid document stops startup.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private final PolicyLoader loader = new PolicyLoader();

    @Bean
    PolicyCatalog policyCatalog(@Value("${greenlight.policies.dirs:policies}") List<Path> directories) {
        List<LoadedPolicy> policies = new ArrayList<>(packaged());
        for (Path directory : directories) {
            if (Files.isDirectory(directory)) {
                policies.addAll(loader.fromDirectory(directory));
            }
        }
        return new PolicyCatalog(policies);
    }

    private List<LoadedPolicy> packaged() {
        try {
            List<LoadedPolicy> policies = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:policies/*.yaml")) {
                try (InputStream in = resource.getInputStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    policies.add(loader.parse(resource.getFilename(), text,
                            "classpath:policies/" + resource.getFilename()));
                }
            }
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read packaged policies", e);
        }
    }
}
