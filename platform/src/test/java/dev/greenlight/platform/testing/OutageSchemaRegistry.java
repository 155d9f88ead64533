package dev.greenlight.platform.testing;

import dev.greenlight.platform.registry.RegisteredSchema;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryException;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * An in-memory registry that can be made unreachable for readers: while down, looking a schema up by
 * id fails the way the REST client fails when no registry answers (status {@code UNREACHABLE}).
 * Registering keeps working so the test's publishers still produce during the outage. One copy for
 * every consumer test of a registry outage (platform listeners, approval, audit ledger).
 */
public final class OutageSchemaRegistry implements SchemaRegistryClient {

    private final InMemorySchemaRegistryClient delegate;
    private volatile boolean down;

    public OutageSchemaRegistry() {
        this(new InMemorySchemaRegistryClient());
    }

    /** Over schemas a test also registers elsewhere. */
    public OutageSchemaRegistry(InMemorySchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    @Override
    public int register(String subject, Schema schema) {
        return delegate.register(subject, schema);
    }

    @Override
    public OptionalInt getId(String subject, Schema schema) {
        return delegate.getId(subject, schema);
    }

    @Override
    public Schema getSchemaById(int id) {
        if (down) {
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
                    "schema registry unreachable (test outage)");
        }
        return delegate.getSchemaById(id);
    }

    @Override
    public Optional<RegisteredSchema> getLatest(String subject) {
        return delegate.getLatest(subject);
    }
}
