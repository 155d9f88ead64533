package dev.greenlight.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Reads a folder laid out like {@code schemas/avro} ({@code common/} shared types plus one event per
 * file) into every named type it defines. Each call uses a fresh parser, so the baseline and the
 * current schemas never see each other's definitions of the same name.
 */
final class SchemaDirectory {

    private SchemaDirectory() {
    }

    /** The module folder, whether surefire runs from the module or the reactor root. */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "."));
    }

    /**
     * Parses {@code dir/common/*.avsc} first (shared types must be known before the events that
     * use them), then {@code dir/*.avsc}, each in name order so failures are reproducible.
     *
     * @return every named type (records, enums, also nested ones) by full name
     */
    static Map<String, Schema> load(Path dir) {
        Schema.Parser parser = new Schema.Parser();
        for (Path file : avscFiles(dir.resolve("common"))) {
            parse(parser, file);
        }
        for (Path file : avscFiles(dir)) {
            parse(parser, file);
        }
        return Map.copyOf(parser.getTypes());
    }

    /** The top-level schema of each file directly in {@code dir}: the event records, not their parts. */
    static List<String> topLevelNames(Path dir) {
        Map<String, Schema> all = load(dir);
        return avscFiles(dir).stream()
                .map(file -> "dev.greenlight.events." + file.getFileName().toString().replace(".avsc", ""))
                .filter(all::containsKey)
                .toList();
    }

    static List<Path> avscFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parse(Schema.Parser parser, Path file) {
        try {
            parser.parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
