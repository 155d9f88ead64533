package dev.greenlight.cli.stack;

/**
 * A port the stack needs is already taken, most often by a second {@code ./greenlight up}.
 * Carries which component wanted it, so the command line can name the option that moves it.
 */
public final class PortInUseException extends StackStartException {

    private final String component;
    private final int port;

    public PortInUseException(String component, int port) {
        super("Port " + port + " (" + component + ") is already in use.");
        this.component = component;
        this.port = port;
    }

    public String component() {
        return component;
    }

    public int port() {
        return port;
    }
}
