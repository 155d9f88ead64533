package dev.greenlight.console.actions.application;

import java.util.function.Consumer;

import dev.greenlight.console.signin.application.ConsoleUser;

/**
 * A call to another Greenlight service's public API as the signed-in person: their own bearer
 * token, never the console's, so the service applies exactly the rules it applies to the CLI.
 */
public interface ServiceApi {

    /** {@code method path} on {@code service} with {@code body} (null for none) of {@code contentType}. */
    ApiAnswer call(ConsoleUser user, Service service, String method, String path, String contentType, String body);

    /**
     * {@code GET path} on {@code service}, its body handed to {@code lines} line by line as it
     * arrives (a ledger export is too large to hold); the answer carries the body only on failure.
     */
    ApiAnswer streamLines(ConsoleUser user, Service service, String path, Consumer<String> lines);
}
