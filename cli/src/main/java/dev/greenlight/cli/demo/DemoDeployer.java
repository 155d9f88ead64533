package dev.greenlight.cli.demo;

import dev.greenlight.cli.deploy.ReferenceDeployer;
import dev.greenlight.events.DeploymentCommand;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reference deployer of {@code greenlight follow}, run on a background thread for the demo's
 * target only, so the rollout loop is closed without a second terminal. It records what it has
 * acknowledged; the scenario waits on that record and narrates it.
 */
final class DemoDeployer implements AutoCloseable {

    private static final long STOP_WAIT_MILLIS = 10_000;

    private final ReferenceDeployer deployer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<DeploymentCommand> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private Thread thread;

    DemoDeployer(ReferenceDeployer deployer) {
        this.deployer = deployer;
    }

    void start() {
        thread = new Thread(this::follow, "greenlight-demo-deployer");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            deployer.follow(running::get, 0, new ReferenceDeployer.Listener() {
                @Override
                public void received(DeploymentCommand command) {
                    // narrated by the scenario once acknowledged
                }

                @Override
                public void acknowledged(DeploymentCommand command) {
                    acknowledged.add(command);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure.set(e);
        }
    }

    /** Every command acknowledged so far, in the order applied. */
    List<DeploymentCommand> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Why the deployer stopped on its own, if it did (e.g. the broker is unreachable). */
    Optional<Exception> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        running.set(false);
        if (thread != null) {
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
