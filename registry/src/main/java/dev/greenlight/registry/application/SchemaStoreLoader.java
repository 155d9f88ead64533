package dev.greenlight.registry.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Replays the schema store before the web server starts accepting requests (this phase runs
 * before Boot's web server lifecycle), so no client ever sees a half-loaded registry: answering
 * "not found" for a schema that exists would make producers register duplicates.
 */
@Component
class SchemaStoreLoader implements SmartLifecycle {

    /** Well before Boot's web server start/stop lifecycle (phase {@code Integer.MAX_VALUE - 2048}). */
    private static final int PHASE = 0;
    private static final Logger log = LoggerFactory.getLogger(SchemaStoreLoader.class);

    private final SchemaRegistryService registry;
    private volatile boolean running;

    SchemaStoreLoader(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void start() {
        long records = registry.load();
        log.info("Schema registry ready after replaying {} records", records);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
