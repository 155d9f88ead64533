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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the policy catalogue once at startup with the shared {@link PolicyLoader}: first the copy
 * packaged on the classpath ({@code policies/*.yaml}, so a bare {@code java -jar} gates with the
 * shipped policies, from any working directory), then each directory of the optional
 * {@code greenlight.policies.dirs} (none by default; the local stack names the repository's
 * folder). A directory's policy replaces a packaged one of the same name, so operators can roll
 * out a policy change without a rebuild; a missing directory is skipped with a warning. An invalid
 * document stops startup. Whatever the source, the gate announces every text it gates with
 * ({@link PolicyAnnouncer}), and that announcement is every other service's only policy source.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyAnnouncementProperties.class)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    private final PolicyLoader loader = new PolicyLoader();

    @Bean
    PolicyCatalog policyCatalog(@Value("${greenlight.policies.dirs:}") List<String> directories) {
        List<LoadedPolicy> policies = new ArrayList<>(packaged());
        for (String name : directories) {
            if (name.isBlank()) {
                continue; // an empty setting must not mean "the working directory"
            }
            Path directory = Path.of(name.strip());
            if (Files.isDirectory(directory)) {
                policies.addAll(loader.fromDirectory(directory));
            } else {
                log.warn("Policy directory {} does not exist; gating with the packaged policies for it",
                        directory.toAbsolutePath());
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
