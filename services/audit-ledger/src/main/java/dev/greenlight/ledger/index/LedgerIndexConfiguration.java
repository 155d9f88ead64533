package dev.greenlight.ledger.index;

import dev.greenlight.ledger.kafka.LedgerTail;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the index lives: {@code greenlight.ledger.index.dir}, kept across restarts so a start resumes
 * from the stored offsets; when unset, a temporary directory per process (deleted on stop), which is
 * rebuilt from the topic on every start, as the in-memory index was.
 */
@Configuration(proxyBeanMethods = false)
class LedgerIndexConfiguration {

    @Bean
    IndexedLedger indexedLedger(LedgerTail tail, SchemaRegistryClient registry,
            ObjectProvider<LedgerListener> listeners, @Value("${greenlight.ledger.index.dir:}") String dir) {
        LedgerIndex index = LedgerIndex.open(dir == null || dir.isBlank() ? null : Path.of(dir),
                Topics.LEDGER.partitions());
        return new IndexedLedger(tail, registry, listeners, index);
    }
}
