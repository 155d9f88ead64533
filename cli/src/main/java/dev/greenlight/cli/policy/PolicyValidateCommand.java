package dev.greenlight.cli.policy;

import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParseException;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** Parses policy files and reports every error with file, line and what is wrong. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check policy files; print each error as file:line: problem.",
        footer = {"", "Examples:", "  greenlight policy validate policies/*.yaml",
            "  greenlight policy validate --output json my-policy.yaml"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is a valid policy", "1:at least one file is invalid"})
public final class PolicyValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy YAML files.")
    List<Path> files;

    @Option(names = "--output", defaultValue = "text", description = "text or json (${COMPLETION-CANDIDATES}).")
    OutputFormat output;

    @Override
    public Integer call() {
        PolicyParser parser = new PolicyParser();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Path file : files) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            try {
                Policy policy = parser.parse(file);
                result.put("valid", true);
                result.put("name", policy.name());
                result.put("version", policy.version());
                result.put("contentHash", policy.contentHash());
            } catch (PolicyParseException e) {
                result.put("valid", false);
                result.put("line", e.line());
                result.put("error", e.getMessage());
            } catch (RuntimeException e) {
                result.put("valid", false);
                result.put("error", file + ": " + e.getMessage());
            }
            results.add(result);
        }
        print(results);
        return results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("valid"))) ? 0 : 1;
    }

    private void print(List<Map<String, Object>> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            out.println(JsonMapper.builder().build().writeValueAsString(results));
            return;
        }
        for (Map<String, Object> r : results) {
            if (Boolean.TRUE.equals(r.get("valid"))) {
                out.println(Ansi.AUTO.string("@|green ok|@   " + r.get("file") + "  " + r.get("name") + " "
                        + r.get("version") + "  sha256:" + r.get("contentHash")));
            } else {
                out.println(Ansi.AUTO.string("@|red,bold FAIL|@ " + r.get("error")));
            }
        }
    }
}
