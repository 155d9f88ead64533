package dev.greenlight.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the places where a doc names code that is not there, so "where does X live" keeps a true
 * answer after a rename. The team guide asks each doc in {@code docs/} to end with a section
 * {@code ## Where it is implemented} holding a {@code | behaviour | class |} table.
 *
 * <p>What is checked:
 * <ul>
 *   <li>every fully-qualified name starting {@code dev.greenlight} anywhere in a doc in {@code docs/}
 *       or in {@code README.md} (in backticks, code blocks or prose) is a package or a class of the
 *       repository ({@link SourceIndex}). A class may be followed by nested types
 *       ({@code dev.greenlight.x.Outer.Inner}) and by one member, written {@code Type#member},
 *       {@code Type.member()} or {@code Type.member(args)}, or as a constant {@code Type.NAME}; the
 *       member must occur as a word in the class's source (members of Avro-generated classes are
 *       not checked). {@code dev.greenlight.x.*} must be a package.</li>
 *   <li>the last {@code ## } heading of every doc in {@code docs/} is {@code Where it is implemented}
 *       and its section holds a table whose header is {@code | behaviour | class |};</li>
 *   <li>every row's class cell names at least one class in backticks, and each backticked name there
 *       is a fully-qualified name as above, a simple class name ({@code LedgerWriter}, also
 *       {@code Outer.Inner}, {@code Type#member}, {@code Type.member()}, {@code Type.CONSTANT}) that
 *       is the file name of a {@code .java} source or an Avro type, or a repository path containing
 *       {@code /} that exists;</li>
 *   <li>every backticked CamelCase name in a behaviour cell ({@code ApprovalGranted}) is a class too.</li>
 * </ul>
 * Headings and tables inside fenced code blocks are ignored.
 */
final class DocReferences {

    static final String SECTION = "Where it is implemented";

    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w./-])dev\\.greenlight((?:\\.[A-Za-z_$][\\w$]*)*)(\\.\\*)?(#[A-Za-z_$][\\w$]*)?(\\([^)]*\\))?");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern SIMPLE = Pattern.compile(
            "([A-Z][\\w$]*)((?:\\.[A-Z][\\w$]*)*)(?:#([A-Za-z_$][\\w$]*)|\\.([a-z_$][\\w$]*)\\([^)]*\\))?");
    private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*");

    private final Path repoRoot;
    private final SourceIndex sources;

    DocReferences(Path repoRoot) {
        this.repoRoot = repoRoot;
        this.sources = SourceIndex.of(repoRoot);
    }

    /** A reference that does not resolve: where it is and what is missing. */
    record Problem(Path doc, int line, String name, String reason) {

        @Override
        public String toString() {
            return doc + ":" + line + ": `" + name + "` " + reason;
        }
    }

    /** Problems in every {@code docs/**}{@code .md} and {@code README.md}, in file and line order. */
    List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = read(doc);
            Path shown = repoRoot.relativize(doc);
            List<Problem> inDoc = new ArrayList<>(qualifiedNames(shown, lines));
            inDoc.addAll(implementationTable(shown, lines));
            inDoc.sort(Comparator.comparingInt(Problem::line));
            problems.addAll(inDoc);
        }
        Path readme = repoRoot.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            problems.addAll(qualifiedNames(repoRoot.relativize(readme), read(readme)));
        }
        return problems;
    }

    private List<Path> docs() {
        Path dir = repoRoot.resolve("docs");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Problem> qualifiedNames(Path doc, List<String> lines) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = QUALIFIED.matcher(lines.get(i));
            while (m.find()) {
                String reason = resolveQualified(m);
                if (reason != null) {
                    problems.add(new Problem(doc, i + 1, m.group(), reason));
                }
            }
        }
        return problems;
    }

    /** Null when the name resolves, otherwise why not. */
    private String resolveQualified(Matcher m) {
        String name = "dev.greenlight" + m.group(1);
        boolean wildcard = m.group(2) != null;
        String hashMember = m.group(3) == null ? null : m.group(3).substring(1);
        boolean call = m.group(4) != null;
        if (wildcard) {
            return sources.isPackage(name) ? null : "is not a package in any module's sources";
        }
        if (hashMember == null && !call && sources.isPackage(name)) {
            return null;
        }
        List<String> segments = Arrays.asList(name.split("\\."));
        for (int i = 1; i < segments.size(); i++) {
            String className = String.join(".", segments.subList(0, i + 1));
            if (sources.isClass(className)) {
                List<String> rest = new ArrayList<>(segments.subList(i + 1, segments.size()));
                String member = hashMember;
                if (member == null && !rest.isEmpty() && isMemberName(rest.get(rest.size() - 1), call)) {
                    member = rest.remove(rest.size() - 1);
                }
                if (call && member == null) {
                    return "is a call but names no method";
                }
                return resolveInside(className, rest, member);
            }
        }
        return "is neither a package nor a class in any module's src/main/java, src/test/java or in "
                + "schemas/avro";
    }

    /** A lower-case name, or any last name followed by parentheses, or an upper-case constant. */
    private static boolean isMemberName(String segment, boolean call) {
        return call || Character.isLowerCase(segment.charAt(0)) || segment.matches("[A-Z][A-Z0-9_]+");
    }

    private String resolveInside(String className, List<String> nestedTypes, String member) {
        for (String nested : nestedTypes) {
            if (!sources.declaresNestedType(className, nested)) {
                return "names " + nested + ", which " + simple(className) + "'s source does not declare";
            }
        }
        if (member != null && !sources.hasMember(className, member)) {
            return "names member " + member + ", which does not occur in " + simple(className) + "'s source";
        }
        return null;
    }

    private List<Problem> implementationTable(Path doc, List<String> lines) {
        int heading = -1;
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("## ")) {
                heading = i;
            }
        }
        if (heading < 0 || !lines.get(heading).substring(3).strip().equals(SECTION)) {
            String last = heading < 0 ? "(no ## heading)" : lines.get(heading);
            return List.of(new Problem(doc, heading + 1, last,
                    "is the last section; the doc must end with \"## " + SECTION + "\" and a | behaviour | class | table"));
        }
        List<Problem> problems = new ArrayList<>();
        int header = -1;
        fenced = false;
        for (int i = heading + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("|")) {
                header = i;
                break;
            }
        }
        if (header < 0 || !cells(lines.get(header)).equals(List.of("behaviour", "class"))) {
            int at = header < 0 ? heading : header;
            return List.of(new Problem(doc, at + 1, lines.get(at),
                    "is not the header of a | behaviour | class | table, which the final section must hold"));
        }
        int rows = 0;
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows++;
            List<String> cells = cells(lines.get(i));
            if (cells.size() != 2) {
                problems.add(new Problem(doc, i + 1, lines.get(i), "is not a row of two cells"));
                continue;
            }
            problems.addAll(behaviourCell(doc, i + 1, cells.get(0)));
            problems.addAll(classCell(doc, i + 1, cells.get(1)));
        }
        if (rows == 0) {
            problems.add(new Problem(doc, header + 1, lines.get(header), "heads a table without rows"));
        }
        return problems;
    }

    private List<Problem> behaviourCell(Path doc, int line, String cell) {
        List<Problem> problems = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(cell);
        while (m.find()) {
            String name = m.group(1);
            if (CAMEL_CASE.matcher(name).matches() && sources.classesNamed(name).isEmpty()) {
                problems.add(new Problem(doc, line, name, "is not a class (no " + name + ".java, no Avro type); "
                        + "name a library's class without backticks"));
            }
        }
        return problems;
    }

    private List<Problem> classCell(Path doc, int line, String cell) {
        List<Problem> problems = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(cell);
        int names = 0;
        while (m.find()) {
            names++;
            String name = m.group(1);
            String reason;
            if (name.startsWith("dev.greenlight")) {
                // resolved, and reported if missing, by the scan of every line
                reason = QUALIFIED.matcher(name).matches() ? null : "is not a class name";
            } else if (name.contains("/")) {
                reason = Files.exists(repoRoot.resolve(name)) ? null : "is not a path in the repository";
            } else {
                reason = resolveSimple(name);
            }
            if (reason != null) {
                problems.add(new Problem(doc, line, name, reason));
            }
        }
        if (names == 0) {
            problems.add(new Problem(doc, line, cell, "names no class in backticks"));
        }
        return problems;
    }

    private String resolveSimple(String name) {
        Matcher m = SIMPLE.matcher(name);
        if (!m.matches()) {
            return "is not a class name (Type, Outer.Inner, Type#member, Type.member() or dev.greenlight....)";
        }
        List<String> candidates = sources.classesNamed(m.group(1));
        if (candidates.isEmpty()) {
            return "is not a class (no " + m.group(1) + ".java in any module, no Avro type)";
        }
        List<String> nested = m.group(2).isEmpty()
                ? new ArrayList<>() : new ArrayList<>(List.of(m.group(2).substring(1).split("\\.")));
        String member = m.group(3) != null ? m.group(3) : m.group(4);
        if (member == null && !nested.isEmpty() && isMemberName(nested.get(nested.size() - 1), false)) {
            member = nested.remove(nested.size() - 1);
        }
        String firstReason = null;
        for (String candidate : candidates) {
            String reason = resolveInside(candidate, nested, member);
            if (reason == null) {
                return null;
            }
            firstReason = firstReason == null ? reason : firstReason;
        }
        return firstReason;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(String::strip).toList();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
