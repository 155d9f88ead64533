package dev.greenlight.integrations.github.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each release lives on GitHub and which stage each GitHub environment waits for, as the operator
 * configured them: release registrations carry the revision but not the repository, so the mapping
 * target → {@code owner/repo} is configuration (one repository per target).
 *
 * @param repositories target → {@code owner/repo}
 * @param environments environment name → stage
 */
public record RepositoryMap(Map<String, String> repositories, Map<String, String> environments) {

    public RepositoryMap {
        repositories = Map.copyOf(repositories);
        environments = Map.copyOf(environments);
    }

    public Optional<String> repository(String target) {
        return Optional.ofNullable(repositories.get(target));
    }

    /** The target whose repository is {@code fullName} (GitHub compares owner/repo without regard to case). */
    public Optional<String> target(String fullName) {
        return repositories.entrySet().stream()
                .filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(fullName.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getKey).sorted().findFirst();
    }

    public Optional<String> stage(String environment) {
        return Optional.ofNullable(environments.get(environment));
    }
}
