package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.cli.publish.ReleaseRef;
import java.io.IOException;
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

/**
 * {@code greenlight ledger evidence TARGET@VERSION}: the release's evidence bundle as the ledger
 * builds it (decision record, trading sign-off checklist, Gate5 items, each citing its entry). The
 * server renders every format, so the CLI and a browser show the same report.
 */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Evidence bundle of one release: decision record, audit sign-off checklist and Gate5 items,"
                + " each citing its ledger entry.",
        footer = {"", "Examples:", "  greenlight ledger evidence ict-qm@2.1.0 --token demo-bob",
            "  greenlight ledger evidence rl-policy@3.0.0 --format json --output-file rl-policy-3.0.0.json",
            "  greenlight ledger evidence trade-nexus@5.0.0 --format html --output-file evidence.html"})
public final class EvidenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class, description = "The release.")
    ReleaseRef release;

    @Option(names = "--format", defaultValue = "markdown",
            description = "markdown, json or html (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output-file", paramLabel = "FILE", description = "Write the bundle here instead of standard output.")
    Path outputFile;

    @Mixin
    ApiOptions options;

    @Override
    public Integer call() {
        try {
            if (!format.matches("markdown|json|html")) {
                throw new ApiException(400, "--format must be markdown, json or html, not '" + format + "'");
            }
            String body = options.api().getText(options.ledger(), "/api/v1/ledger/releases/" + segment(release.target())
                    + "/" + segment(release.version()) + "/evidence?format=" + format);
            if (outputFile == null) {
                spec.commandLine().getOut().print(body);
                spec.commandLine().getOut().flush();
                return 0;
            }
            Files.writeString(outputFile, body);
            spec.commandLine().getOut().println("wrote the " + format + " evidence of " + release + " to " + outputFile);
            return 0;
        } catch (IOException e) {
            return fail("cannot write " + outputFile + ": " + e.getMessage());
        } catch (ApiException e) {
            return fail(e.getMessage());
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + message));
        return 3;
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
