package dev.greenlight.cli.read;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import dev.greenlight.cli.publish.ReleaseRef;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Shows a release's current verdict per stage, with every criterion's status and reason. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Current decision per stage of a release: outcome, then each criterion's status, observed "
            + "value, threshold and reason, and what is still missing.",
        footer = {"", "Examples:", "  greenlight status rl-policy@3.0.0 --token demo-bob",
            "  greenlight status rl-policy@3.0.0 --stage live-10 --output json"})
public final class StatusCommand extends ApiCommand {

    @Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class)
    ReleaseRef release;

    @Option(names = "--stage", description = "Only this stage.")
    String stage;

    @Override
    protected int execute(GreenlightApi api) {
        JsonNode view = api.get(options.gate(), "/api/v1/releases/" + release.target() + "/" + release.version());
        if (options.json()) {
            spec.commandLine().getOut().println(view.toString());
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Ansi.AUTO.string("@|bold " + release + "|@  " + view.path("releaseType").asString("")
                + "  revision " + view.path("revision").asString("") + "  policy "
                + view.path("policy").path("name").asString(view.path("policyStatus").asString("-"))
                + " " + view.path("policy").path("version").asString("")));
        for (JsonNode decision : view.path("decisions")) {
            if (stage == null || stage.equals(decision.path("stage").asString())) {
                DecisionTable.print(out, decision);
            }
        }
        return 0;
    }
}
