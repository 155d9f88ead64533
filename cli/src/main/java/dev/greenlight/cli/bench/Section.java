package dev.greenlight.cli.bench;

import java.util.List;

/**
 * The figures of one part of the benchmark, or why the part was not measured in this run (for
 * example a restart needs a stack the benchmark started itself): a skipped part says so in the
 * table and the JSON instead of silently missing.
 *
 * @param name    stable key in the JSON, e.g. {@code http-ingest}
 * @param title   heading in the table
 * @param figures what was measured
 * @param skipped null when measured, else the reason it was not
 * @param notes   conditions of the measurement worth reading with the figures
 */
record Section(String name, String title, List<Figure> figures, String skipped, List<String> notes) {

    Section {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    static Section measured(String name, String title, List<Figure> figures, List<String> notes) {
        return new Section(name, title, figures, null, notes);
    }

    static Section skipped(String name, String title, String reason) {
        return new Section(name, title, List.of(), reason, List.of());
    }
}
