package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.greenlight.console.board.application.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Until the projection has caught up, every page's header says the board may be incomplete, and by how much. */
@Import(CatchingUpBannerTest.Behind.class)
class CatchingUpBannerTest extends ConsolePageTest {

    @TestConfiguration
    static class Behind {
        @Bean
        ProjectionStatus behind() {
            return new ProjectionStatus() {
                @Override
                public boolean caughtUp() {
                    return false;
                }

                @Override
                public long lag() {
                    return 4711;
                }
            };
        }
    }

    @Test
    void theHeaderShowsTheRecordsStillToRead() throws Exception {
        String board = mvc.perform(get("/").session(signIn("demo-bob"))).andReturn().getResponse().getContentAsString();

        assertThat(board).contains("id=\"catching-up\"", "4711 record(s) still to read", "the board may be incomplete");
    }
}
