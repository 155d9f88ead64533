package dev.greenlight.cli.api;

import java.util.concurrent.Callable;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * Base of every command that calls a service: common options, uniform error reporting and exit
 * codes (0 done, 1 refused by Greenlight, 3 could not complete), JSON output for machines.
 */
public abstract class ApiCommand implements Callable<Integer> {

    public static final int REFUSED = 1;
    public static final int ERROR = 3;

    @Mixin
    protected ApiOptions options;

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return execute(options.api());
        } catch (ApiException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return e.status() >= 400 && e.status() < 500 ? REFUSED : ERROR;
        }
    }

    protected abstract int execute(GreenlightApi api);

    /** Prints the answer as JSON, or the one-line summary for people. */
    protected int printed(JsonNode answer, String summary) {
        if (options.json()) {
            spec.commandLine().getOut().println(answer.toString());
        } else {
            spec.commandLine().getOut().println(Ansi.AUTO.string("@|green ✔|@ " + summary));
        }
        return 0;
    }
}
