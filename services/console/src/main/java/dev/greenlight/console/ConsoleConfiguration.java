package dev.greenlight.console;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ServiceApi;
import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.console.ledger.application.LedgerVerification;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projection and the feed that fills it (one of each per console instance), people's actions,
 * and the ledger verification they can start.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    Projection projection() {
        return new Projection();
    }

    @Bean
    ConsoleFeed consoleFeed(Projection projection) {
        return new ConsoleFeed(projection);
    }

    @Bean
    Actions actions(ServiceApi api) {
        return new Actions(api);
    }

    /** One verification at a time on its own worker thread, closed with the context. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService ledgerVerificationWorker() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-ledger-verify");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    LedgerVerification ledgerVerification(Actions actions, Projection projection, ExecutorService ledgerVerificationWorker) {
        return new LedgerVerification(actions, projection::ledgerSize, ledgerVerificationWorker);
    }
}
