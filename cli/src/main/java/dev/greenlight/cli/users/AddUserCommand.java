package dev.greenlight.cli.users;

import dev.greenlight.platform.security.TokenHashes;
import dev.greenlight.platform.security.UserAccount;
import dev.greenlight.platform.security.UserDirectory;
import dev.greenlight.identity.Identity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight users add NAME --roles a,b [--targets 'x*,y'] --file PATH}: creates a user with
 * a fresh random bearer token. The token is printed once and never stored: the file keeps only its
 * SHA-256, so whoever reads the file cannot act as the user. The name and aliases are canonical
 * identities: one with an invisible, bidi or control character is refused with the reason.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a user with a new random bearer token (printed once) to the users file.",
        footer = {"", "Examples:", "  greenlight users add grace --file users.yml --roles engineer,on-call",
                "  greenlight users add bob --file users.yml --roles code-review --aliases bob-gh,bob@example.com",
                "  greenlight users add deploy-bot --file users.yml --roles publisher --targets 'rl-policy*'"})
final class AddUserCommand implements Callable<Integer> {

    /** 256 bits: guessing is hopeless, so an unsalted SHA-256 is enough to store it. */
    private static final int TOKEN_BYTES = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "User name, recorded as the principal on every event they produce.")
    String name;

    @Option(names = "--roles", split = ",", required = true,
            description = "Comma-separated roles, e.g. engineer,auditor or publisher.")
    List<String> roles;

    @Option(names = "--targets", split = ",",
            description = "Target patterns a publisher may publish for ('*' glob), e.g. 'ict-*,rl-policy'.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--aliases", split = ",",
            description = "The person's other identities (GitHub login, e-mail), e.g. 'grace-gh,grace@example.com':"
                    + " four-eyes treats a release authored under any of them as this user's.")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--file", required = true, description = "The users file (created if missing).")
    Path file;

    @Override
    public Integer call() throws IOException {
        Optional<String> problem = Identity.problem(name);
        if (problem.isPresent()) {
            return UsersCommand.fail(spec.commandLine(), "invalid name: it " + problem.get());
        }
        for (String alias : aliases) {
            Optional<String> why = Identity.problem(alias);
            if (why.isPresent()) {
                return UsersCommand.fail(spec.commandLine(), "invalid alias in --aliases: it " + why.get());
            }
        }
        if (!NAME.matcher(name.strip()).matches()) {
            return UsersCommand.fail(spec.commandLine(), "invalid name '" + name
                    + "': letters, digits, '.', '_', '@', '-' (at most 128)");
        }
        if (roles.stream().anyMatch(String::isBlank)) {
            return UsersCommand.fail(spec.commandLine(), "--roles must not contain empty roles");
        }
        List<UserAccount> users = new ArrayList<>(UsersFile.read(file));
        String canonical = Identity.of(name).canonical();
        if (users.stream().anyMatch(u -> u.name().equals(canonical))) {
            return UsersCommand.fail(spec.commandLine(), "user '" + canonical + "' already exists in " + file);
        }
        String token = newToken();
        users.add(new UserAccount(name, new LinkedHashSet<>(roles), TokenHashes.sha256(token), targets, aliases));
        try {
            new UserDirectory(users); // one person per name: an alias may not be someone else's name
        } catch (IllegalArgumentException e) {
            return UsersCommand.fail(spec.commandLine(), e.getMessage() + "; " + file + " is unchanged");
        }
        UsersFile.write(file, users);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Added user " + canonical + " with roles " + roles
                + (aliases.isEmpty() ? "" : " and aliases " + users.get(users.size() - 1).aliases())
                + (targets.isEmpty() ? "" : " for targets " + targets) + " to " + file + ".");
        out.println("Bearer token (shown only this once; store it now in a secret manager, it cannot be recovered):");
        out.println(token);
        out.flush();
        return 0;
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
