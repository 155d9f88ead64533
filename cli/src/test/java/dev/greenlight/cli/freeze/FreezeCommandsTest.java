package dev.greenlight.cli.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.StubbedCli;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code greenlight freeze declare|lift|list} against a stand-in approval service: the documented
 * body with the caller's token, and the path of the freeze to lift.
 */
class FreezeCommandsTest {

    private StubbedCli cli;

    @BeforeEach
    void startStub() throws IOException {
        cli = StubbedCli.start(201, "{\"freezeId\":\"f-1\"}");
    }

    @AfterEach
    void stopStub() {
        cli.stop();
    }

    @Test
    void declarePostsTheWindowAndOverridesWithTheCallersToken() {
        int exit = cli.run("freeze", "declare", "black-friday", "payments-*", "--from", "2026-11-27T00:00:00Z", "--to",
                "2026-11-30T00:00:00Z", "--reason", "peak traffic", "--override-role", "management",
                "--override-type", "HOTFIX", "--token", "demo-erin", "--approval-url", cli.url());

        assertThat(exit).as(cli.err()).isZero();
        StubbedCli.Call call = cli.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v1/freezes");
        assertThat(call.authorization()).isEqualTo("Bearer demo-erin");
        assertThat(call.body().path("target").asString()).isEqualTo("payments-*");
        assertThat(call.body().path("from").asString()).isEqualTo("2026-11-27T00:00:00Z");
        assertThat(call.body().path("to").asString()).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(call.body().path("override").path("roles").get(0).asString()).isEqualTo("management");
        assertThat(call.body().path("override").path("releaseTypes").get(0).asString()).isEqualTo("HOTFIX");
        assertThat(cli.out()).contains("freeze black-friday declared", "f-1");
    }

    @Test
    void liftDeletesTheFreezeById_andListReadsTheStandingOnes() {
        cli.status(200);
        assertThat(cli.run("freeze", "lift", "f-1", "--reason", "cancelled", "--token", "demo-dave", "--approval-url",
                cli.url())).as(cli.err()).isZero();
        cli.answer("[]");
        assertThat(cli.run("freeze", "list", "--token", "demo-frank", "--approval-url", cli.url())).isZero();

        assertThat(cli.calls()).extracting(c -> c.method() + " " + c.path())
                .containsExactly("DELETE /api/v1/freezes/f-1", "GET /api/v1/freezes");
        assertThat(cli.out()).contains("no standing freezes");
    }
}
