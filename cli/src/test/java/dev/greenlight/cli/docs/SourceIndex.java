package dev.greenlight.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * What a doc may name: every package and class in the repository's sources, read from the files
 * themselves (not the test classpath, which lacks test classes of other modules and would answer
 * for library classes too).
 *
 * <p>A package is a directory under any module's {@code src/main/java} or {@code src/test/java};
 * a class is a {@code .java} file there, or a named type (record, enum, fixed) in
 * {@code schemas/avro/*.avsc}, whose Java class the build generates. Nested types and members are
 * looked up in the class's source text.
 */
final class SourceIndex {

    private static final List<String> SOURCE_ROOTS = List.of("src/main/java", "src/test/java");
    private static final Path AVRO_DIR = Path.of("schemas", "avro");

    private final Set<String> packages = new HashSet<>();
    private final Map<String, Path> javaClasses = new HashMap<>();
    private final Map<String, Schema> avroClasses = new HashMap<>();
    private final Map<String, List<String>> bySimpleName = new HashMap<>();
    private final Map<Path, String> sourceTexts = new HashMap<>();

    private SourceIndex() {
    }

    static SourceIndex of(Path repoRoot) {
        SourceIndex index = new SourceIndex();
        for (Path sourceRoot : sourceRoots(repoRoot)) {
            index.addJavaTree(sourceRoot);
        }
        index.addAvro(repoRoot.resolve(AVRO_DIR));
        return index;
    }

    boolean isPackage(String name) {
        return packages.contains(name);
    }

    boolean isClass(String name) {
        return javaClasses.containsKey(name) || avroClasses.containsKey(name);
    }

    boolean isAvroClass(String name) {
        return avroClasses.containsKey(name);
    }

    /** Fully-qualified names of the top-level classes (Java files or Avro types) with this simple name. */
    List<String> classesNamed(String simpleName) {
        return bySimpleName.getOrDefault(simpleName, List.of());
    }

    /** Whether the class's source declares a type of that name (a nested type; Avro classes have {@code Builder}). */
    boolean declaresNestedType(String className, String nested) {
        if (avroClasses.containsKey(className)) {
            return nested.equals("Builder");
        }
        return source(className)
                .map(text -> Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+"
                        + Pattern.quote(nested) + "\\b").matcher(text).find())
                .orElse(false);
    }

    /**
     * Whether the class's source mentions the member as a word: a method, field or constant. Members
     * of Avro-generated classes are not checked (the accessors are the generator's, not in any file).
     */
    boolean hasMember(String className, String member) {
        if (avroClasses.containsKey(className)) {
            return true;
        }
        return source(className)
                .map(text -> Pattern.compile("\\b" + Pattern.quote(member) + "\\b").matcher(text).find())
                .orElse(false);
    }

    private Optional<String> source(String className) {
        Path file = javaClasses.get(className);
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(sourceTexts.computeIfAbsent(file, SourceIndex::read));
    }

    private void addJavaTree(Path sourceRoot) {
        try (Stream<Path> paths = Files.walk(sourceRoot)) {
            paths.forEach(path -> {
                Path relative = sourceRoot.relativize(path);
                if (relative.toString().isEmpty()) {
                    return;
                }
                String dotted = relative.toString().replace(relative.getFileSystem().getSeparator(), ".");
                if (Files.isDirectory(path)) {
                    packages.add(dotted);
                } else if (dotted.endsWith(".java")) {
                    String className = dotted.substring(0, dotted.length() - ".java".length());
                    javaClasses.put(className, path);
                    addSimpleName(className);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code common/} first, as the build does, so events can use the shared types. */
    private void addAvro(Path avroDir) {
        if (!Files.isDirectory(avroDir)) {
            return;
        }
        Schema.Parser parser = new Schema.Parser();
        for (Path file : avscFiles(avroDir.resolve("common"))) {
            parse(parser, file);
        }
        for (Path file : avscFiles(avroDir)) {
            parse(parser, file);
        }
        parser.getTypes().forEach((fullName, schema) -> {
            avroClasses.put(fullName, schema);
            addSimpleName(fullName);
            String namespace = schema.getNamespace();
            while (namespace != null && !namespace.isEmpty()) {
                packages.add(namespace);
                int dot = namespace.lastIndexOf('.');
                namespace = dot < 0 ? null : namespace.substring(0, dot);
            }
        });
    }

    private void addSimpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        bySimpleName.computeIfAbsent(simple, k -> new ArrayList<>()).add(className);
    }

    /** Every {@code src/main/java} and {@code src/test/java} below the root, skipping build output and hidden folders. */
    private static List<Path> sourceRoots(Path repoRoot) {
        List<Path> roots = new ArrayList<>();
        try {
            Files.walkFileTree(repoRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(repoRoot) && (name.startsWith(".") || name.equals("target")
                            || name.equals("node_modules"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    for (String sourceRoot : SOURCE_ROOTS) {
                        if (dir.endsWith(Path.of(sourceRoot))) {
                            roots.add(dir);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return roots;
    }

    private static List<Path> avscFiles(Path dir) {
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
