package dev.greenlight.cli.deploy;

import dev.greenlight.cli.stack.StackTimeOptions;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.platform.topics.Topics;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The reference deployer on the command line: follows the deployment-commands topic (the contract
 * every deployer implements — an Argo Rollouts, feature-flag or trading-engine adapter would do the
 * same), prints each command and acknowledges it ({@link ReferenceDeployer}), so the rollout loop
 * is real end to end.
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = "Reference deployer: print and acknowledge deployment commands until Ctrl-C.",
        footer = {"", "Examples:", "  greenlight follow", "  greenlight follow --target rl-policy --deployer-id paper-engine"})
public final class FollowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:GREENLIGHT_KAFKA:-localhost:9092}",
            description = "Kafka bootstrap servers (env GREENLIGHT_KAFKA, default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Mixin
    KafkaLoginOptions kafkaLogin = new KafkaLoginOptions();

    @Option(names = "--registry-url", defaultValue = "${env:GREENLIGHT_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL (env GREENLIGHT_REGISTRY_URL, default ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--target", description = "Only commands for this target (others are left to other deployers).")
    String target;

    @Option(names = "--deployer-id", defaultValue = "greenlight-follow",
            description = "Who applies the commands; also names the consumer group, deployer-<id>[-<target>]"
                    + " (default ${DEFAULT-VALUE}).")
    String deployerId;

    @Option(names = "--max-commands", defaultValue = "0", description = "Stop after this many (0 = until Ctrl-C).")
    int maxCommands;

    final AtomicBoolean running = new AtomicBoolean(true);
    @Mixin
    StackTimeOptions time = new StackTimeOptions();

    /** Null: the local stack's clock when the broker is on this machine and a stack answers, else the wall clock. */
    final Clock clock;

    public FollowCommand() {
        this(null);
    }

    /**
     * @param clock stamps the acknowledgements: when the deployment was applied. A deployer embedded
     *              in a stack with a simulated clock passes that clock, so "applied" is in the same
     *              time as the command it answers (release lead times are measured to it).
     */
    public FollowCommand(Clock clock) {
        this.clock = clock;
    }

    /** Ends {@link #call} after the current poll, as Ctrl-C does: for a follower embedded in another program. */
    public void stop() {
        running.set(false);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReferenceDeployer deployer = new ReferenceDeployer(bootstrapServers, kafkaLogin::clientProperties, registryUrl,
                target, deployerId, clock != null ? clock
                        : time.clockFor(URI.create("kafka://" + bootstrapServers.split(",")[0].strip())));
        Thread main = Thread.currentThread();
        Thread stopper = new Thread(() -> {
            running.set(false);
            try {
                main.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            deployer.follow(running::get, maxCommands, new Printer(out));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()
                    + ". Is Greenlight running? Start it with './greenlight up' or pass --bootstrap-servers/--registry-url."));
            return 3;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: we are exiting anyway
            }
        }
        return 0;
    }

    /** One line per command as it arrives, one when it is acknowledged. */
    private final class Printer implements ReferenceDeployer.Listener {

        private final PrintWriter out;

        Printer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void following() {
            out.println(Ansi.AUTO.string("@|bold following|@ " + Topics.DEPLOYMENT_COMMANDS.name() + " on "
                    + bootstrapServers + (target == null ? "" : " for " + target) + " as " + deployerId));
            out.flush();
        }

        @Override
        public void received(DeploymentCommand command) {
            out.println(Ansi.AUTO.string(describe(command)));
        }

        @Override
        public void acknowledged(DeploymentCommand command) {
            out.println(Ansi.AUTO.string("    @|green applied|@ and acknowledged"));
            out.flush();
        }
    }

    /** The command as a deployer's log line, in picocli markup: sequence, release, traffic, reason. */
    public static String describe(DeploymentCommand command) {
        return String.format("[%d] @|bold %s %s|@ -> @|cyan %d%%|@  %s%s",
                command.getSequence(), command.getTarget(), command.getVersion(),
                command.getTrafficPercent(), command.getReason(),
                command.getPreviousVersion() == null ? "" : "  (restore " + command.getPreviousVersion() + ")");
    }
}
