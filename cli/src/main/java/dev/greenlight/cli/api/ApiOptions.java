package dev.greenlight.cli.api;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Where the services are and who is calling: flags, else environment variables, else the local
 * stack's defaults. Shared by every command that talks to the public APIs.
 */
public final class ApiOptions {

    @Option(names = "--token", defaultValue = "${env:GREENLIGHT_TOKEN}",
            description = "Bearer token (env GREENLIGHT_TOKEN). Local stack: demo-<name>, e.g. demo-ci.")
    String token;

    @Option(names = "--check-ingest-url", defaultValue = "${env:GREENLIGHT_CHECK_INGEST_URL:-http://localhost:8181}",
            description = "check-ingest base URL (env GREENLIGHT_CHECK_INGEST_URL, default ${DEFAULT-VALUE}).")
    URI checkIngest;

    @Option(names = "--approval-url", defaultValue = "${env:GREENLIGHT_APPROVAL_URL:-http://localhost:8182}",
            description = "approval base URL (env GREENLIGHT_APPROVAL_URL, default ${DEFAULT-VALUE}).")
    URI approval;

    @Option(names = "--gate-url", defaultValue = "${env:GREENLIGHT_GATE_URL:-http://localhost:8183}",
            description = "gate-evaluator base URL (env GREENLIGHT_GATE_URL, default ${DEFAULT-VALUE}).")
    URI gate;

    @Option(names = "--rollout-url", defaultValue = "${env:GREENLIGHT_ROLLOUT_URL:-http://localhost:8184}",
            description = "rollout-controller base URL (env GREENLIGHT_ROLLOUT_URL, default ${DEFAULT-VALUE}).")
    URI rollout;

    @Option(names = "--ledger-url", defaultValue = "${env:GREENLIGHT_LEDGER_URL:-http://localhost:8185}",
            description = "audit-ledger base URL (env GREENLIGHT_LEDGER_URL, default ${DEFAULT-VALUE}).")
    URI ledger;

    @Option(names = "--output", defaultValue = "text", description = "text or json.")
    String output;

    public GreenlightApi api() {
        return new GreenlightApi(token);
    }

    public URI checkIngest() {
        return checkIngest;
    }

    public URI approval() {
        return approval;
    }

    public URI gate() {
        return gate;
    }

    public URI rollout() {
        return rollout;
    }

    public URI ledger() {
        return ledger;
    }

    public boolean json() {
        return "json".equalsIgnoreCase(output);
    }
}
