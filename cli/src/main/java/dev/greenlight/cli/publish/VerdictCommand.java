package dev.greenlight.cli.publish;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An approval or rejection of a release in a role; the approver is whoever the token belongs to. */
abstract class VerdictCommand extends ApiCommand {

    @Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class)
    ReleaseRef release;

    @Option(names = "--role", required = true, description = "The role you sign in: auditor, risk, founder, ...")
    String role;

    @Option(names = "--comment", description = "Why.")
    String comment;

    @Option(names = "--expires", description = "When this verdict stops counting (ISO-8601).")
    Instant expires;

    abstract String verdict();

    @Override
    protected int execute(GreenlightApi api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", release.target());
        body.put("version", release.version());
        body.put("role", role);
        body.put("verdict", verdict());
        body.put("comment", comment);
        body.put("expiresAt", expires == null ? null : expires.toString());
        return printed(api.post(options.approval(), "/api/v1/approvals", body),
                verdict().toLowerCase() + " recorded for " + release + " as " + role);
    }
}
