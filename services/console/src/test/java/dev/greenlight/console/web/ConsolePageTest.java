package dev.greenlight.console.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.greenlight.console.ConsoleApplication;
import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.domain.ConsoleEvent;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console's pages without Kafka: the projection is fed domain events directly (the topic
 * readers are switched off), requests go through the real security filter chain.
 */
@SpringBootTest(properties = {
        "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
        "greenlight.console.projection.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "greenlight.security.demo-users=true"})
@AutoConfigureMockMvc
@Import(InMemoryRegistryConfiguration.class)
abstract class ConsolePageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFeed feed;

    void given(ConsoleEvent... events) {
        for (ConsoleEvent event : events) {
            feed.accept(event);
        }
    }

    /** A session signed in through the form with {@code token}. */
    MockHttpSession signIn(String token) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).param("token", token).with(csrf()))
                .andExpect(redirectedUrl("/"));
        return session;
    }
}
