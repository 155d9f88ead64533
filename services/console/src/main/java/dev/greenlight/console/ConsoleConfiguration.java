package dev.greenlight.console;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ServiceApi;
import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.domain.Projection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The projection and the feed that fills it (one of each per console instance), and people's actions. */
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
}
