package dev.greenlight.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of one {@code greenlight bench} run: where and how it ran, then every section. Renders
 * the human table and the JSON document written under {@code bench/results/}; both show each
 * figure with its ceiling and their ratio.
 *
 * @param startedAt when the run began (names the JSON file)
 * @param mode      {@code embedded} (the run started its own stack) or {@code running}
 * @param machine   cores, load averages, heap limit...: what the figures depend on
 * @param sections  in the order they were measured
 */
record BenchReport(Instant startedAt, String mode, Map<String, Object> machine, List<Section> sections) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter FILE_NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    BenchReport {
        machine = Map.copyOf(machine);
        sections = List.copyOf(sections);
    }

    ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("startedAt", startedAt.toString());
        root.put("mode", mode);
        ObjectNode machineNode = root.putObject("machine");
        machine.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> machineNode.put(e.getKey(), String.valueOf(e.getValue())));
        ObjectNode sectionsNode = root.putObject("sections");
        for (Section section : sections) {
            ObjectNode node = sectionsNode.putObject(section.name());
            node.put("title", section.title());
            if (section.skipped() != null) {
                node.put("skipped", section.skipped());
            }
            ArrayNode figures = node.putArray("figures");
            for (Figure figure : section.figures()) {
                ObjectNode f = figures.addObject();
                f.put("name", figure.name());
                f.put("value", round(figure.value()));
                f.put("unit", figure.unit());
                f.put("ceiling", round(figure.ceiling()));
                f.put("ceilingName", figure.ceilingName());
                f.put("ratio", round(figure.ratio()));
            }
            ArrayNode notes = node.putArray("notes");
            section.notes().forEach(notes::add);
        }
        return root;
    }

    /** Writes the JSON as {@code <dir>/<startedAt>.json} and returns the file. */
    Path writeJson(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_NAME.format(startedAt) + ".json");
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark result to " + dir, e);
        }
    }

    /** The table printed at the end of a run, one row per figure, Markdown so docs can quote it as is. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| section | figure | value | ceiling (same run) | ratio |\n");
        out.append("|---|---|---:|---|---:|\n");
        for (Section section : sections) {
            if (section.skipped() != null) {
                out.append("| ").append(section.title()).append(" | not measured: ").append(section.skipped())
                        .append(" | | | |\n");
                continue;
            }
            for (Figure figure : section.figures()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s: %s %s | %s |%n", section.title(),
                        figure.name(), number(figure.value()), figure.unit(), figure.ceilingName(),
                        number(figure.ceiling()), figure.unit(), ratio(figure.ratio())));
            }
        }
        return out.toString();
    }

    /** Three significant digits for small values, thousands separators for large ones. */
    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double ratio) {
        return ratio >= 10 ? String.format(Locale.ROOT, "%.0fx", ratio)
                : ratio >= 0.01 ? String.format(Locale.ROOT, "%.2f", ratio)
                : String.format(Locale.ROOT, "%.4f", ratio);
    }

    /** Four significant digits: enough for any comparison, and a tiny ratio stays positive. */
    static double round(double value) {
        if (value == 0) {
            return 0;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue();
    }
}
