package dev.greenlight.cli.policy;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * The replay gate of a policy change: the recorded decisions made under the candidate's name are
 * re-evaluated under the candidate (by the ledger, from the recorded evidence) and every decision
 * that would flip is listed with its reasons. A candidate that turns any GO into NO-GO is blocked.
 */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = "Evaluate a candidate policy against recorded history; list every decision that would flip.",
        footer = {"", "Examples:", "  greenlight policy what-if my-rl-policy.yaml --token demo-bob",
            "  greenlight policy what-if candidate.yaml --release rl-policy@3.0.0 --output json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no recorded GO would become NO-GO", "1:blocked: some GO would become NO-GO",
            "3:error (invalid candidate, unreachable ledger, ...)"})
public final class PolicyWhatIfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions options;

    @Parameters(paramLabel = "CANDIDATE", description = "The candidate policy YAML.")
    Path candidate;

    @Option(names = "--release", description = "Only decisions of this TARGET@VERSION or TARGET.")
    String release;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            String query = release == null ? "" : "?release=" + URLEncoder.encode(release, StandardCharsets.UTF_8);
            JsonNode report = options.api().postText(options.ledger(), "/api/v1/ledger/what-if" + query,
                    "application/yaml", Files.readString(candidate));
            boolean blocked = report.path("blocked").asBoolean();
            if (options.json()) {
                out.println(report);
                return blocked ? 1 : 0;
            }
            long tried = report.path("results").size();
            out.println(Ansi.AUTO.string((blocked ? "@|red,bold BLOCKED|@" : "@|green,bold PASS|@") + "  "
                    + report.path("candidate").asString() + ": " + report.path("flipped").asLong() + " of " + tried
                    + " recorded decisions would flip"));
            for (JsonNode r : report.path("results")) {
                if (!r.path("baseline").asString().equals(r.path("candidate").asString())) {
                    out.println("  " + r.path("release").asString() + " " + r.path("stage").asString() + " at "
                            + r.path("evaluatedAt").asString() + ": " + r.path("baseline").asString() + " -> "
                            + r.path("candidate").asString());
                    r.path("reasons").forEach(reason -> out.println("      " + reason.asString()));
                }
            }
            return blocked ? 1 : 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ cannot read " + candidate + ": "
                    + e.getMessage()));
            return 3;
        } catch (ApiException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return 3;
        }
    }
}
