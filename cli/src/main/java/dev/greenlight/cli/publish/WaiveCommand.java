package dev.greenlight.cli.publish;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Waives one named criterion of one release, with a rationale that ends up in the ledger. */
@Command(name = "waive", mixinStandardHelpOptions = true, description = "Waive one criterion of a release.",
        footer = {"", "Example:", "  greenlight waive trade-nexus@5.0.0 dependency-80 --rationale 'accepted risk, "
            + "see #150' --role founder --token demo-dave"})
public final class WaiveCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class)
    ReleaseRef release;

    @Parameters(index = "1", paramLabel = "CRITERION", description = "The criterion's name in the policy.")
    String criterion;

    @Option(names = "--rationale", required = true, description = "Why the criterion may be skipped.")
    String rationale;

    @Option(names = "--role", description = "The role you waive in, if you hold more than one that may waive.")
    String role;

    @Option(names = "--expires", description = "When the waiver stops counting (ISO-8601).")
    Instant expires;

    @Override
    protected int execute(GreenlightApi api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", release.target());
        body.put("version", release.version());
        body.put("criterion", criterion);
        body.put("rationale", rationale);
        body.put("role", role);
        body.put("expiresAt", expires == null ? null : expires.toString());
        return printed(api.post(options.approval(), "/api/v1/waivers", body),
                "waived " + criterion + " for " + release);
    }
}
