package dev.greenlight.cli.users;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greenlight users}: manage the users file the services authenticate bearer tokens against. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage the users file (greenlight.security.users-file).",
        subcommands = {AddUserCommand.class, ListUsersCommand.class})
public final class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shown for every refusal so the operator knows nothing was changed. */
    static int fail(CommandLine commandLine, String message) {
        commandLine.getErr().println("users: " + message + " (file left unchanged)");
        return CommandLine.ExitCode.SOFTWARE;
    }
}
