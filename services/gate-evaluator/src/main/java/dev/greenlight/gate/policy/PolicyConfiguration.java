package dev.greenlight.gate.policy;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the policy catalogue once at startup. {@code greenlight.policies.dirs} lists extra
 * directories (default {@code policies}, i.e. the repository's folder when started from the
 * repository root); a missing directory is skipped, the packaged copy always loads.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyCatalog policyCatalog(@Value("${greenlight.policies.dirs:policies}") List<Path> directories) {
        return new PolicyLoader().load(directories);
    }
}
