package dev.greenlight.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs answer "where does X live"; a doc that names a renamed or deleted class sends the reader to
 * nothing. This test holds every doc to the rules {@link DocReferences} describes, and proves on a
 * small repository of its own that the checker catches each kind of broken reference.
 *
 * <p>It lives in the cli module because the cli depends on every other module, so it runs after
 * they are built; it reads the sources, not the classpath.
 */
class DocsReferenceTest {

    @Test
    void everyDocNamesOnlyCodeThatExistsAndEndsWithItsImplementationTable() {
        List<DocReferences.Problem> problems = new DocReferences(repoRoot()).check();

        assertThat(problems).as("broken references in the docs (doc:line: `name` why)").isEmpty();
    }

    @Test
    void aDocNamingAClassThatDoesNotExistFailsNamingTheDocTheLineAndTheName(@TempDir Path repo) throws IOException {
        givenSources(repo);
        write(repo, "docs/guide.md", """
                # Guide

                The writer is `dev.greenlight.ledger.kafka.LedgerWriter`; the reader
                `dev.greenlight.ledger.kafka.LedgerReeder` is gone.

                """ + table("| appending | `LedgerWriter` |"));

        assertThat(new DocReferences(repo).check()).singleElement().satisfies(problem -> {
            assertThat(problem.doc()).isEqualTo(Path.of("docs/guide.md"));
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.name()).isEqualTo("dev.greenlight.ledger.kafka.LedgerReeder");
            assertThat(problem.toString()).contains("docs/guide.md:4: `dev.greenlight.ledger.kafka.LedgerReeder`");
        });
    }

    @Test
    void packagesClassesNestedTypesMembersAndAvroClassesResolve(@TempDir Path repo) throws IOException {
        givenSources(repo);
        write(repo, "docs/guide.md", """
                # Guide

                Package `dev.greenlight.ledger.kafka` (also written dev.greenlight.ledger.kafka.*), class
                `dev.greenlight.ledger.kafka.LedgerWriter`, nested `dev.greenlight.ledger.kafka.LedgerWriter.Batch`,
                members `dev.greenlight.ledger.kafka.LedgerWriter#append`, `dev.greenlight.ledger.kafka.LedgerWriter.append()`,
                `dev.greenlight.ledger.kafka.LedgerWriter.append(entry)`, `dev.greenlight.ledger.kafka.LedgerWriter.MAX_BATCH`,
                a test class `dev.greenlight.ledger.kafka.LedgerWriterTest`, an Avro event
                `dev.greenlight.events.GateDecided` with its builder `dev.greenlight.events.GateDecided.Builder`,
                its nested enum `dev.greenlight.events.GateOutcome` and package `dev.greenlight.events`.

                ```
                ## not a heading inside a code block
                ```

                """ + table(
                "| appending | `LedgerWriter`, `LedgerWriter.Batch`, `LedgerWriter#append`, `LedgerWriter.MAX_BATCH` |",
                "| the `GateDecided` event | `GateDecided`, `dev.greenlight.events.GateDecided` |",
                "| its schema | `schemas/avro/GateDecided.avsc` (Avro) |"));
        write(repo, "README.md", "Start at `dev.greenlight.ledger.kafka.LedgerWriter`.\n");

        assertThat(new DocReferences(repo).check()).isEmpty();
    }

    @Test
    void aMissingNestedTypeMemberOrPackageFails(@TempDir Path repo) throws IOException {
        givenSources(repo);
        write(repo, "docs/guide.md", """
                # Guide

                `dev.greenlight.ledger.kafka.LedgerWriter.Bunch`
                `dev.greenlight.ledger.kafka.LedgerWriter#appendAll`
                `dev.greenlight.ledger.kofka`
                `dev.greenlight.ledger.kofka.*`

                """ + table("| appending | `LedgerWriter` |"));
        write(repo, "README.md", "See dev.greenlight.nowhere.Missing.\n");

        assertThat(new DocReferences(repo).check()).extracting(p -> p.doc() + ":" + p.line() + " " + p.name())
                .containsExactly(
                        "docs/guide.md:3 dev.greenlight.ledger.kafka.LedgerWriter.Bunch",
                        "docs/guide.md:4 dev.greenlight.ledger.kafka.LedgerWriter#appendAll",
                        "docs/guide.md:5 dev.greenlight.ledger.kofka",
                        "docs/guide.md:6 dev.greenlight.ledger.kofka.*",
                        "README.md:1 dev.greenlight.nowhere.Missing");
    }

    @Test
    void aTableNamingAnUnknownSimpleClassFailsNamingIt(@TempDir Path repo) throws IOException {
        givenSources(repo);
        write(repo, "docs/guide.md", "# Guide\n\n" + table(
                "| appending | `LedgerWriter` |",
                "| signing | `CheckpointSigner`, `LedgerWriter#sign` |",
                "| the `GateDecidedd` event | `GateDecided` |",
                "| its schema | `schemas/avro/GateDecidedd.avsc` |",
                "| a missing class cell | no backticks |",
                "| a script | `greenlight` |",
                "| a reader | `dev.greenlight.ledger.kafka.LedgerReader` |"));

        assertThat(new DocReferences(repo).check()).extracting(p -> p.line() + " " + p.name())
                .containsExactly(
                        "8 CheckpointSigner", "8 LedgerWriter#sign", "9 GateDecidedd",
                        "10 schemas/avro/GateDecidedd.avsc", "11 no backticks", "12 greenlight",
                        "13 dev.greenlight.ledger.kafka.LedgerReader");
    }

    @Test
    void aDocWhoseLastSectionIsNotTheImplementationTableFails(@TempDir Path repo) throws IOException {
        givenSources(repo);
        write(repo, "docs/no-table.md", "# A\n\n## Usage\n\nText.\n");
        write(repo, "docs/table-not-last.md", "# B\n\n" + table("| appending | `LedgerWriter` |") + "\n## Notes\n\nMore.\n");
        write(repo, "docs/wrong-header.md", "# C\n\n## " + DocReferences.SECTION + "\n\n| what | where |\n|---|---|\n| a | `LedgerWriter` |\n");
        write(repo, "docs/empty-table.md", "# D\n\n## " + DocReferences.SECTION + "\n\n| behaviour | class |\n|---|---|\n");

        assertThat(new DocReferences(repo).check()).extracting(p -> p.doc() + ":" + p.line() + " " + p.name())
                .containsExactly(
                        "docs/empty-table.md:5 | behaviour | class |",
                        "docs/no-table.md:3 ## Usage",
                        "docs/table-not-last.md:9 ## Notes",
                        "docs/wrong-header.md:5 | what | where |");
    }

    /** A repository root: the nearest folder up from the module holding both {@code docs/} and {@code mvnw}. */
    static Path repoRoot() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("docs")) && Files.isRegularFile(candidate.resolve("mvnw"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no folder with docs/ and mvnw above " + dir);
    }

    private static String table(String... rows) {
        return "## " + DocReferences.SECTION + "\n\n| behaviour | class |\n|---|---|\n" + String.join("\n", rows) + "\n";
    }

    private static void givenSources(Path repo) throws IOException {
        write(repo, "mvnw", "");
        write(repo, "services/audit-ledger/src/main/java/dev/greenlight/ledger/kafka/LedgerWriter.java", """
                package dev.greenlight.ledger.kafka;

                class LedgerWriter {
                    static final int MAX_BATCH = 10;

                    record Batch(int size) {
                    }

                    void append(Object entry) {
                    }
                }
                """);
        write(repo, "services/audit-ledger/src/test/java/dev/greenlight/ledger/kafka/LedgerWriterTest.java",
                "package dev.greenlight.ledger.kafka;\n\nclass LedgerWriterTest {\n}\n");
        write(repo, "schemas/avro/common/EventMetadata.avsc", """
                {"type": "record", "name": "EventMetadata", "namespace": "dev.greenlight.events",
                 "fields": [{"name": "eventId", "type": "string"}]}
                """);
        write(repo, "schemas/avro/GateDecided.avsc", """
                {"type": "record", "name": "GateDecided", "namespace": "dev.greenlight.events",
                 "fields": [{"name": "meta", "type": "EventMetadata"},
                            {"name": "outcome", "type": {"type": "enum", "name": "GateOutcome", "symbols": ["GO"]}}]}
                """);
    }

    private static void write(Path repo, String file, String text) throws IOException {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
