package dev.greenlight.cli.publish;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Registers a release candidate: the first fact Greenlight needs about a release. */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a release candidate TARGET@VERSION.",
        footer = {"", "Example:", "  greenlight release register ict-qm@2.1.0 --type STRATEGY --revision $GIT_SHA "
            + "--author alice --token demo-ci",
            "  greenlight release register agent-orchestration@1.4.1 --type HOTFIX --revision $GIT_SHA "
            + "--author erin --previous-version 1.4.0 --token demo-ci"})
public final class ReleaseRegisterCommand extends ApiCommand {

    @Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class,
            description = "e.g. ict-qm@2.1.0 (semantic version)")
    ReleaseRef release;

    @Option(names = "--type", required = true, description = "STRATEGY, MODEL, BUGFIX, HOTFIX or CONFIG")
    String type;

    @Option(names = "--revision", required = true, description = "Commit the release is built from.")
    String revision;

    @Option(names = "--author", required = true, description = "Who prepared the release.")
    String author;

    @Option(names = "--changelog", description = "Release notes.")
    String changelog;

    @Option(names = "--policy", description = "Policy name overriding the default for the release type.")
    String policy;

    @Option(names = "--previous-version", paramLabel = "VERSION",
            description = "The version this release replaces (what runs now): decides MAJOR/MINOR/PATCH for version"
                    + " rules. Without it the release counts as a first release.")
    String previousVersion;

    @Override
    protected int execute(GreenlightApi api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", release.target());
        body.put("version", release.version());
        body.put("type", type);
        body.put("revision", revision);
        body.put("author", author);
        body.put("changelog", changelog);
        body.put("policy", policy);
        body.put("previousVersion", previousVersion);
        return printed(api.post(options.checkIngest(), "/api/v1/releases", body), "registered " + release);
    }
}
