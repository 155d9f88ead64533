package dev.greenlight.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./greenlight} command. */
@Command(name = "greenlight", mixinStandardHelpOptions = true,
        description = "Release gating over Apache Kafka.",
        subcommands = UpCommand.class)
public final class GreenlightCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        // Before anything logs: the broker starts before any Spring application configures
        // logging, and logback's fallback would print every Kafka DEBUG line.
        System.getProperties().putIfAbsent("logback.configurationFile", "logback-greenlight.xml");
        // Avro refuses to instantiate classes outside trusted packages.
        System.getProperties().putIfAbsent("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.greenlight");
        System.exit(new CommandLine(new GreenlightCli()).execute(args));
    }
}
