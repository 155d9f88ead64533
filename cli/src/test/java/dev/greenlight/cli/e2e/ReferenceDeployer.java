package dev.greenlight.cli.e2e;

import dev.greenlight.cli.deploy.FollowCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The reference deployer ({@code greenlight follow}) running beside a suite, one follower per
 * target: every deployment command of those targets is applied and acknowledged, so stages can
 * soak and complete exactly as with a real trading engine behind the controller. It follows only
 * the suite's own targets, so suites that want commands left unacknowledged are not disturbed.
 */
final class ReferenceDeployer implements AutoCloseable {

    private static final String DEPLOYER_ID = "e2e-deployer";

    private final List<FollowCommand> follows = new ArrayList<>();
    private final List<Thread> followers = new ArrayList<>();

    private ReferenceDeployer() {
    }

    /** Starts following {@code targets}; close it when the suite ends. */
    static ReferenceDeployer following(String... targets) {
        ReferenceDeployer deployer = new ReferenceDeployer();
        for (String target : targets) {
            FollowCommand follow = new FollowCommand(WholeStack.stack().clock());
            Thread follower = new Thread(() -> follow(follow, target), "follow-" + target);
            follower.setDaemon(true);
            follower.start();
            deployer.follows.add(follow);
            deployer.followers.add(follower);
        }
        return deployer;
    }

    private static void follow(FollowCommand follow, String target) {
        CommandLine command = new CommandLine(follow);
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(new StringWriter(), true));
        command.execute("--bootstrap-servers", WholeStack.stack().bootstrapServers(),
                "--kafka-credentials", WholeStack.stack().kafkaCredentials().file().toString(),
                "--registry-url", WholeStack.stack().registryUrl(), "--target", target, "--deployer-id", DEPLOYER_ID);
    }

    /** Each follower stops after its current poll; the stack itself keeps running for other suites. */
    @Override
    public void close() throws InterruptedException {
        follows.forEach(FollowCommand::stop);
        for (Thread follower : followers) {
            follower.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
