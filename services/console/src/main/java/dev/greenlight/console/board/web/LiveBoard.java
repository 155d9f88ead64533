package dev.greenlight.console.board.web;

import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.domain.DomIds;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates over Server-Sent Events ({@code /board/stream}). Changes are coalesced and pushed at
 * most every {@value #PUSH_MILLIS} ms on a thread of its own, so a burst of facts (a replay at
 * start, a batch of checks) neither floods browsers nor slows the projection: the board gets one
 * {@code board} event and each changed release one {@code release-<dom id>} event, on which the
 * page (htmx's SSE extension) fetches the fresh rows or sections.
 */
@Controller
class LiveBoard implements DisposableBean {

    static final long PUSH_MILLIS = 300;
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final CopyOnWriteArrayList<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final Set<String> pending = new TreeSet<>();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "console-live-board");
        thread.setDaemon(true);
        return thread;
    });

    LiveBoard(ConsoleFeed feed) {
        feed.watch(this::changed);
        pusher.scheduleWithFixedDelay(this::push, PUSH_MILLIS, PUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @GetMapping(path = "/board/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        return emitter;
    }

    private void changed(Set<String> ids) {
        synchronized (pending) {
            pending.addAll(ids);
        }
    }

    private void push() {
        Set<String> ids;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            ids = new TreeSet<>(pending);
            pending.clear();
        }
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("board").data(ids.size()));
                for (String id : ids) {
                    emitter.send(SseEmitter.event().name("release-" + DomIds.of(id)).data(id));
                }
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        }
    }

    @Override
    public void destroy() {
        pusher.shutdownNow();
        for (SseEmitter emitter : emitters) {
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                // The server already closed that response while shutting down: nothing left to end.
            }
        }
    }
}
