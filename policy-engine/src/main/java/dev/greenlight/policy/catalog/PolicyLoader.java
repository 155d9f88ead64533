package dev.greenlight.policy.catalog;

import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads policy documents, so every service that gates or ramps by policy reads a directory the
 * same way: {@code *.yaml} and {@code *.yml} files in file-name order, each kept with its text
 * (what gets recorded and hashed). An invalid document throws: gating or ramping with a
 * half-understood policy is worse than not starting.
 */
public final class PolicyLoader {

    private final PolicyParser parser = new PolicyParser();

    /** Every policy document directly in {@code directory}; throws if it cannot be listed. */
    public List<LoadedPolicy> fromDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<LoadedPolicy> policies = new ArrayList<>();
            for (Path file : files.filter(PolicyLoader::isPolicyFile).sorted().toList()) {
                policies.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8),
                        file.toString()));
            }
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policies in " + directory.toAbsolutePath(), e);
        }
    }

    /** One document given as text, e.g. read from the classpath; {@code source} is for errors and logs. */
    public LoadedPolicy parse(String fileName, String text, String source) {
        return new LoadedPolicy(parser.parse(fileName, text), text, source);
    }

    private static boolean isPolicyFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
