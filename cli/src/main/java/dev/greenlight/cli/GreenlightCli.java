package dev.greenlight.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./greenlight} command. */
@Command(name = "greenlight", mixinStandardHelpOptions = true,
        description = "Release gating over Apache Kafka.")
public final class GreenlightCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GreenlightCli()).execute(args));
    }
}
