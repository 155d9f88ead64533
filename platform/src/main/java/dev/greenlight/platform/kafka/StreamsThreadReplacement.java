package dev.greenlight.platform.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka Streams client does when one of its stream threads dies: replace the thread when the
 * cause is the brokers' (a transient failure Kafka itself could retry or recover from by starting
 * over with a new producer), shut the client down otherwise, so that liveness turns DOWN
 * ({@link KafkaClientsHealthIndicator}) and an orchestrator restarts the process.
 *
 * <p>Why replacing is safe: every Greenlight Streams application runs {@code exactly_once_v2}. The
 * dying thread's tasks are closed dirty, its open transaction is aborted (or fenced and aborted by the
 * broker), its local state is restored from the changelog, and the new thread starts from the last
 * committed offsets: nothing it had written becomes visible, nothing is processed twice.
 *
 * <p>Why it is needed: Kafka Streams retries most broker trouble itself, but some of it reaches the
 * thread as a {@code StreamsException}. When two brokers of three are lost (quorum and in-sync replicas
 * gone) and come back, the thread's transactional producer can meet an
 * {@code OutOfOrderSequenceException} on a changelog and go to an abortable error state; the next
 * send or commit then fails with "Error encountered trying to send record / commit a transaction"
 * (Kafka's {@code StreamsProducer}), which Kafka's default handler turns into {@code SHUTDOWN_CLIENT}:
 * the gate stopped deciding until its process was restarted.
 *
 * <p>Transient (the cause chain holds): a {@link RetriableException} (timeouts, not enough replicas,
 * no coordinator or leader, disconnects), an {@link ApplicationRecoverableException} (fenced producer,
 * invalid epoch or producer-id mapping, stale group member), an {@link OutOfOrderSequenceException}
 * (unknown producer id included), an aborted or abortable transaction, an invalid transaction state,
 * a failed offset commit, or Streams' own task-migrated/corrupted errors. Fatal, checked first so a
 * transient wrapper cannot hide it: any {@link Error} (out of memory...), authentication,
 * authorization, an invalid topic, an unsupported version, a serialization failure (a poison record
 * that escaped the dead-letter handler, or a silent schema registry: replacing the thread would only
 * read the same record again at once) and everything not listed (a bug in a processor).
 *
 * <p>Bounded: more than {@link #MAX_REPLACEMENTS} replacements within {@link #WINDOW} mean the
 * trouble is not transient after all; the client is shut down so liveness says so.
 */
final class StreamsThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamsThreadReplacement.class);

    static final int MAX_REPLACEMENTS = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Set<Class<? extends Throwable>> FATAL = Set.of(AuthenticationException.class,
            AuthorizationException.class, SecurityDisabledException.class, InvalidTopicException.class,
            UnsupportedVersionException.class, SerializationException.class, RegistryUnavailableRetry.class);

    private static final Set<Class<? extends Throwable>> TRANSIENT = Set.of(RetriableException.class,
            ApplicationRecoverableException.class, OutOfOrderSequenceException.class,
            TransactionAbortedException.class, TransactionAbortableException.class, InvalidTxnStateException.class,
            CommitFailedException.class, TaskMigratedException.class, TaskCorruptedException.class);

    private final String client;
    private final LongSupplier nanoTime;
    private final Deque<Long> replacements = new ArrayDeque<>();

    StreamsThreadReplacement(String client) {
        this(client, System::nanoTime);
    }

    StreamsThreadReplacement(String client, LongSupplier nanoTime) {
        this.client = client;
        this.nanoTime = nanoTime;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        if (!isTransient(exception)) {
            log.error("Kafka Streams {}: a stream thread died of a fatal error; shutting the client down"
                    + " (liveness DOWN, the process is to be restarted)", client, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        synchronized (replacements) {
            long now = nanoTime.getAsLong();
            while (!replacements.isEmpty() && now - replacements.peekFirst() > WINDOW.toNanos()) {
                replacements.removeFirst();
            }
            if (replacements.size() >= MAX_REPLACEMENTS) {
                log.error("Kafka Streams {}: {} stream threads replaced within {}, the failure is not transient;"
                        + " shutting the client down (liveness DOWN)", client, replacements.size(), WINDOW, exception);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            replacements.addLast(now);
        }
        log.warn("Kafka Streams {}: a stream thread died of a transient broker failure; replacing it (exactly-once:"
                + " its open transaction is aborted, the new thread resumes from the last commit)", client, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** A broker-side failure Kafka recovers from with a new thread, and nothing fatal anywhere in the chain. */
    static boolean isTransient(Throwable exception) {
        boolean transientCause = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof Error || isA(cause, FATAL)) {
                return false;
            }
            transientCause |= isA(cause, TRANSIENT);
        }
        return transientCause;
    }

    private static boolean isA(Throwable cause, Set<Class<? extends Throwable>> kinds) {
        for (Class<? extends Throwable> kind : kinds) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
