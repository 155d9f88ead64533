package dev.greenlight.console.signin.application;

import dev.greenlight.platform.security.Actor;
import java.io.Serial;
import java.io.Serializable;

/**
 * The person signed in to the console: who the APIs will take them for ({@link Actor}) and the
 * bearer token the console forwards on their behalf. The token lives only in the server-side
 * session; it is never rendered into a page.
 */
public record ConsoleUser(Actor actor, String bearerToken) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public String name() {
        return actor.name();
    }

    public boolean hasRole(String role) {
        return actor.hasRole(role);
    }

    /** The roles, sorted, comma separated (what the page header shows). */
    public String rolesText() {
        return String.join(", ", new java.util.TreeSet<>(actor.roles()));
    }

    /** The roles, sorted. */
    public java.util.List<String> roles() {
        return actor.roles().stream().sorted().toList();
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + actor.name() + "]";
    }
}
