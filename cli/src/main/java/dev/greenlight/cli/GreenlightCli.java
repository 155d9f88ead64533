package dev.greenlight.cli;

import dev.greenlight.cli.bench.BenchCommand;
import dev.greenlight.cli.demo.DemoCommand;
import dev.greenlight.cli.deploy.FollowCommand;
import dev.greenlight.cli.freeze.FreezeCommand;
import dev.greenlight.cli.hold.HoldCommand;
import dev.greenlight.cli.audit.LedgerCommand;
import dev.greenlight.cli.audit.WitnessCommand;
import dev.greenlight.cli.deploy.RolloutCommand;
import dev.greenlight.cli.policy.PolicyCommand;
import dev.greenlight.cli.publish.AckCommand;
import dev.greenlight.cli.publish.ApproveCommand;
import dev.greenlight.cli.publish.CheckCommand;
import dev.greenlight.cli.publish.KillSwitchCommand;
import dev.greenlight.cli.publish.MetricCommand;
import dev.greenlight.cli.publish.RejectCommand;
import dev.greenlight.cli.publish.ReleaseCommand;
import dev.greenlight.cli.publish.WaiveCommand;
import dev.greenlight.cli.read.StatusCommand;
import dev.greenlight.cli.read.WaitCommand;
import dev.greenlight.cli.users.UsersCommand;
import dev.greenlight.cli.cluster.ClusterCommand;
import dev.greenlight.cli.dlq.DlqCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./greenlight} command. */
@Command(name = "greenlight", mixinStandardHelpOptions = true,
        description = "Release gating over Apache Kafka.",
        subcommands = {UpCommand.class, ReleaseCommand.class, CheckCommand.class, MetricCommand.class,
            ApproveCommand.class, RejectCommand.class, WaiveCommand.class, AckCommand.class, KillSwitchCommand.class, HoldCommand.class, FreezeCommand.class,
            StatusCommand.class, WaitCommand.class, RolloutCommand.class, FollowCommand.class, LedgerCommand.class, PolicyCommand.class,
            UsersCommand.class, DemoCommand.class, WitnessCommand.class, BenchCommand.class,
            ClusterCommand.class, DlqCommand.class})
public final class GreenlightCli implements Runnable {

    private static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        configureEarlyLogging();
        // Avro refuses to instantiate classes outside trusted packages.
        System.getProperties().putIfAbsent("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.greenlight");
        System.exit(new CommandLine(new GreenlightCli()).execute(args));
    }

    /**
     * The broker starts before any Spring application configures logging, and logback's fallback
     * would print every Kafka DEBUG line; so logback is initialised from the launcher's config now.
     * The property is removed again because Spring Boot warns about it and reconfigures logback
     * itself (from {@code logging.config}) anyway.
     */
    private static void configureEarlyLogging() {
        if (System.getProperty(LOGBACK_CONFIG_PROPERTY) != null) {
            return;
        }
        System.setProperty(LOGBACK_CONFIG_PROPERTY, "logback-greenlight.xml");
        LoggerFactory.getILoggerFactory();
        System.clearProperty(LOGBACK_CONFIG_PROPERTY);
    }
}
