package dev.greenlight.cli.e2e;

import dev.greenlight.cli.GreenlightCli;
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

    private final List<Thread> followers = new ArrayList<>();

    private ReferenceDeployer() {
    }

    /** Starts following {@code targets}; close it when the suite ends. */
    static ReferenceDeployer following(String... targets) {
        ReferenceDeployer deployer = new ReferenceDeployer();
        for (String target : targets) {
            Thread follower = new Thread(() -> follow(target), "follow-" + target);
            follower.setDaemon(true);
            follower.start();
            deployer.followers.add(follower);
        }
        return deployer;
    }

    private static void follow(String target) {
        CommandLine follow = new CommandLine(new GreenlightCli());
        follow.setOut(new PrintWriter(new StringWriter(), true));
        follow.setErr(new PrintWriter(new StringWriter(), true));
        follow.execute("follow", "--bootstrap-servers", WholeStack.stack().bootstrapServers(),
                "--registry-url", WholeStack.stack().registryUrl(), "--target", target, "--deployer-id", DEPLOYER_ID);
    }

    /** Interrupting the poll ends {@code follow}; the stack itself keeps running for other suites. */
    @Override
    public void close() throws InterruptedException {
        followers.forEach(Thread::interrupt);
        for (Thread follower : followers) {
            follower.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
