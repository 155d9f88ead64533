package dev.greenlight.cli.users;

import dev.greenlight.platform.security.UserAccount;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greenlight users list --file PATH}: who exists and may do what. Never shows token hashes. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the users of a users file.",
        footer = {"", "Examples:", "  greenlight users list --file users.yml"})
final class ListUsersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, description = "The users file.")
    Path file;

    @Override
    public Integer call() {
        List<UserAccount> users = UsersFile.read(file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-40s %-24s %s%n", "NAME", "ROLES", "TARGETS", "ALIASES");
        for (UserAccount user : users) {
            out.printf("%-24s %-40s %-24s %s%n", user.name(),
                    String.join(",", user.roles().stream().sorted().toList()), String.join(",", user.targets()),
                    String.join(",", user.aliases()));
        }
        out.flush();
        return 0;
    }
}
