package dev.greenlight.cli.publish;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import dev.greenlight.cli.stack.StackTimeOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Reports one CI check result for a release: how pipelines feed the gate. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report a check result (lint, unit-tests, anti-bias, validation-48h, lane:cli, ...).",
        footer = {"", "Example:", "  greenlight check report ict-qm@2.1.0 anti-bias PASS --revision $GIT_SHA \\",
            "      --started 2026-11-20T08:00:00Z --completed 2026-11-20T08:12:00Z \\",
            "      --url https://ci.example/run/123 --detail trades=25 --detail sharpe=1.2",
            "  greenlight check report ict-qm@2.1.0 audit-verification PASS --revision $GIT_SHA \\",
            "      --detail verdict=PASS-WITH-FIXES --detail openFixes=0",
            "  greenlight check report trade-nexus@5.1.0 replay-gate PASS --revision $GIT_SHA \\",
            "      --details-file /tmp/replay-gate-pass.json"})
public final class CheckReportCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class)
    ReleaseRef release;

    @Parameters(index = "1", paramLabel = "NAME", description = "Check name.")
    String name;

    @Parameters(index = "2", paramLabel = "STATUS", description = "PASS, FAIL, WARN or ERROR.")
    String status;

    @Option(names = "--revision", required = true, description = "Commit the check ran on.")
    String revision;

    @Option(names = "--started", description = "When the run started (ISO-8601; default: --completed).")
    Instant started;

    @Option(names = "--completed", description = "When the run completed (ISO-8601; default: now).")
    Instant completed;

    @Option(names = "--url", description = "Link to the run.")
    String url;

    @Option(names = "--summary", description = "One-line summary.")
    String summary;

    @Option(names = "--detail", paramLabel = "KEY=VALUE", converter = CheckDetail.Converter.class,
            description = "Detail of the run, repeatable; VALUE typed as JSON: openFixes=0 (number),"
                    + " mergeBlocked=false (boolean), 'reasons=[\"a\",\"b\"]' (list of texts), 'code=\"0\"' (text);"
                    + " anything else is text (verdict=PASS-WITH-FIXES).")
    List<CheckDetail> details = new ArrayList<>();

    @Option(names = "--details-file", paramLabel = "FILE", converter = DetailsFile.Converter.class,
            description = "JSON object of details (e.g. the replay gate's output); --detail adds keys to it.")
    DetailsFile detailsFile;

    @Option(names = "--event-id", description = "Idempotency key: retries with the same id count once.")
    String eventId;

    @Mixin
    StackTimeOptions time = new StackTimeOptions();

    /** Default time of the observation (the local stack's time when it runs here); tests substitute a fixed clock. */
    Clock clock;

    private Clock clock() {
        return clock != null ? clock : time.clockFor(options.checkIngest());
    }

    /** The file's details, then each --detail; one key given twice is a usage error, never a silent overwrite. */
    private Map<String, JsonNode> details() {
        Map<String, JsonNode> all = new LinkedHashMap<>(detailsFile == null ? Map.of() : detailsFile.details());
        for (CheckDetail detail : details) {
            if (all.putIfAbsent(detail.key(), detail.value()) != null) {
                throw new ParameterException(spec.commandLine(), "detail '" + detail.key() + "' is given twice");
            }
        }
        return all;
    }

    @Override
    protected int execute(GreenlightApi api) {
        Instant end = completed != null ? completed : clock().instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", release.target());
        body.put("version", release.version());
        body.put("name", name);
        body.put("status", status);
        body.put("revision", revision);
        body.put("startedAt", (started != null ? started : end).toString());
        body.put("completedAt", end.toString());
        body.put("url", url);
        body.put("summary", summary);
        body.put("details", details());
        body.put("eventId", eventId);
        return printed(api.post(options.checkIngest(), "/api/v1/checks", body),
                "reported " + name + " " + status + " for " + release);
    }
}
