package dev.greenlight.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The two ways the benchmark offers load. Closed loop: N clients each send as soon as their
 * previous request is answered (the highest rate N connections can reach). Open loop: requests
 * are due on a fixed schedule whatever the answers, and latency is counted from when a request
 * was due, not from when a busy client got round to it, so a stall is not hidden by the clients
 * slowing down with it (no coordinated omission).
 */
final class Load {

    /** One request of a run: {@code index} counts from 0, {@code dueNanos} is when it was due. */
    @FunctionalInterface
    interface Request {
        void send(long index, long dueNanos) throws Exception;
    }

    /**
     * @param sent      requests completed
     * @param failed    requests that threw (counted, never retried)
     * @param seconds   wall time of the run
     * @param latencies    request latencies in nanoseconds, from when each was due until it returned
     * @param firstFailure what the first failed request threw, or null
     */
    record Run(long sent, long failed, double seconds, long[] latencies, String firstFailure) {

        double perSecond() {
            return sent / seconds;
        }
    }

    private Load() {
    }

    /** {@code clients} threads send back to back for {@code duration}. */
    static Run closed(int clients, Duration duration, Request request) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                LongList mine = new LongList();
                while (System.nanoTime() < end) {
                    long due = System.nanoTime();
                    try {
                        request.send(next.getAndIncrement(), due);
                        mine.add(System.nanoTime() - due);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, String.valueOf(e.getMessage()));
                    }
                }
                return mine.toArray();
            }));
        }
        return collect(pool, results, failed, firstFailure, start);
    }

    /** {@code count} requests due at {@code perSecond}, sent by up to {@code clients} threads. */
    static Run open(double perSecond, long count, int clients, Request request) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        double intervalNanos = 1e9 / perSecond;
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                LongList mine = new LongList();
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = start + (long) (i * intervalNanos);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        request.send(i, due);
                        mine.add(System.nanoTime() - due);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, String.valueOf(e.getMessage()));
                    }
                }
                return mine.toArray();
            }));
        }
        return collect(pool, results, failed, firstFailure, start);
    }

    private static Run collect(ExecutorService pool, List<Future<long[]>> results, AtomicLong failed,
                               AtomicReference<String> firstFailure, long start)
            throws InterruptedException {
        LongList all = new LongList();
        try {
            for (Future<long[]> result : results) {
                for (long value : result.get()) {
                    all.add(value);
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = Math.max(System.nanoTime() - start, 1) / 1e9;
        long[] latencies = all.toArray();
        return new Run(latencies.length, failed.get(), seconds, latencies, firstFailure.get());
    }

    /** A growable array of longs: a run can record a million latencies. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
