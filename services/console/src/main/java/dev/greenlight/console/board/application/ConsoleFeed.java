package dev.greenlight.console.board.application;

import dev.greenlight.console.board.domain.ConsoleEvent;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.console.board.domain.ReadModelRecord;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where facts enter the console: folds each into the {@link Projection} and tells whoever watches
 * (the live board's open streams) which releases changed. Knows nothing of Kafka, so the board can
 * be driven from tests with plain domain events.
 */
public class ConsoleFeed {

    private final Projection projection;
    private final List<Consumer<Set<String>>> watchers = new CopyOnWriteArrayList<>();

    public ConsoleFeed(Projection projection) {
        this.projection = projection;
    }

    /** Folds {@code event} and notifies the watchers of the releases it changed. */
    public void accept(ConsoleEvent event) {
        Set<String> changed = projection.apply(event);
        if (!changed.isEmpty()) {
            watchers.forEach(w -> w.accept(changed));
        }
    }

    /** Folds a standing-state fact (kill switch, hold, checkpoint, policy) and notifies the watchers. */
    public void acceptStanding(ConsoleEvent event) {
        notify(projection.applyStanding(event));
    }

    /** Takes a record of the read model (a release's view, a target's ledger entries) and notifies the watchers. */
    public void accept(ReadModelRecord record) {
        notify(projection.put(record));
    }

    private void notify(Set<String> changed) {
        if (!changed.isEmpty()) {
            watchers.forEach(w -> w.accept(changed));
        }
    }

    /** Calls {@code watcher} with the ids of the releases every later fact changes. */
    public void watch(Consumer<Set<String>> watcher) {
        watchers.add(watcher);
    }

    /** Stops calling {@code watcher}. */
    public void unwatch(Consumer<Set<String>> watcher) {
        watchers.remove(watcher);
    }
}
