package dev.greenlight.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.StubbedCli;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The publish commands against a stand-in service: the CLI must call the public API with the
 * caller's token and the documented body, and turn refusals into exit codes and advice.
 */
class PublishCommandsTest {

    private StubbedCli cli;

    @BeforeEach
    void startStub() throws IOException {
        cli = StubbedCli.start(201, "{\"releaseId\":\"ict-qm@2.1.0\"}");
    }

    @AfterEach
    void stopStub() {
        cli.stop();
    }

    @Test
    void releaseRegisterPostsTheReleaseWithTheCallersToken() {
        int exit = cli.run("release", "register", "ict-qm@2.1.0", "--type", "STRATEGY", "--revision", "5114f85",
                "--author", "alice", "--token", "demo-ci", "--check-ingest-url", cli.url());

        assertThat(exit).isZero();
        StubbedCli.Call call = cli.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v1/releases");
        assertThat(call.authorization()).isEqualTo("Bearer demo-ci");
        assertThat(call.body().path("target").asString()).isEqualTo("ict-qm");
        assertThat(call.body().path("version").asString()).isEqualTo("2.1.0");
        assertThat(call.body().path("type").asString()).isEqualTo("STRATEGY");
        assertThat(cli.out()).contains("registered ict-qm@2.1.0");
    }

    @Test
    void checkReportCarriesNumericDetailsAndTheRunWindow() {
        cli.run("check", "report", "ict-qm@2.1.0", "anti-bias", "PASS", "--revision", "5114f85",
                "--started", "2026-11-20T08:00:00Z", "--completed", "2026-11-20T08:12:00Z",
                "--detail", "trades=25", "--detail", "sharpe=1.2", "--token", "demo-ci", "--check-ingest-url", cli.url());

        JsonNode body = cli.calls().get(0).body();
        assertThat(cli.calls().get(0).path()).isEqualTo("/api/v1/checks");
        assertThat(body.path("name").asString()).isEqualTo("anti-bias");
        assertThat(body.path("status").asString()).isEqualTo("PASS");
        assertThat(body.path("startedAt").asString()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(body.path("details").path("trades").asDouble()).isEqualTo(25.0);
        assertThat(body.path("details").path("sharpe").asDouble()).isEqualTo(1.2);
    }

    @Test
    void checkReportSendsTypedDetailsAsACiScriptMeansThem() {
        int exit = cli.run("check", "report", "ict-qm@2.1.0", "audit-verification", "PASS", "--revision", "5114f85",
                "--detail", "verdict=PASS-WITH-FIXES", "--detail", "openFixes=0", "--detail", "signedOff=true",
                "--detail", "code=\"0\"", "--detail", "reasons=[\"F-1 verified\",\"F-2 verified\"]",
                "--detail", "id=rg-12abc", "--detail", "build=12abc", "--detail", "empty=",
                "--token", "demo-ci", "--check-ingest-url", cli.url());

        assertThat(exit).as(cli.err()).isZero();
        JsonNode details = cli.calls().get(0).body().path("details");
        assertThat(details.path("verdict").isString()).isTrue();
        assertThat(details.path("verdict").asString()).isEqualTo("PASS-WITH-FIXES");
        assertThat(details.path("openFixes").isNumber()).isTrue();
        assertThat(details.path("openFixes").asInt()).isZero();
        assertThat(details.path("signedOff").isBoolean()).isTrue();
        assertThat(details.path("code").isString()).isTrue();
        assertThat(details.path("code").asString()).isEqualTo("0");
        assertThat(details.path("reasons").isArray()).isTrue();
        assertThat(details.path("reasons").get(1).asString()).isEqualTo("F-2 verified");
        assertThat(details.path("id").asString()).isEqualTo("rg-12abc");
        assertThat(details.path("build").asString()).isEqualTo("12abc");
        assertThat(details.path("empty").asString()).isEmpty();
    }

    @Test
    void checkReportSendsADetailsFileAsItIsPlusFlags(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path replay = dir.resolve("replay-gate-pass.json");
        java.nio.file.Files.writeString(replay, """
                {"id": "rg-7", "decision": "pass", "mergeBlocked": false, "releaseBlocked": false,
                 "mergeGateStatus": "pass", "releaseGateStatus": "pass", "reasons": []}""");

        int exit = cli.run("check", "report", "trade-nexus@5.1.0", "replay-gate", "PASS", "--revision", "5114f85",
                "--details-file", replay.toString(), "--detail", "runUrl=https://ci/run/9",
                "--token", "demo-ci", "--check-ingest-url", cli.url());

        assertThat(exit).as(cli.err()).isZero();
        JsonNode details = cli.calls().get(0).body().path("details");
        assertThat(details.path("mergeBlocked").isBoolean()).isTrue();
        assertThat(details.path("reasons").isArray()).isTrue();
        assertThat(details.path("id").asString()).isEqualTo("rg-7");
        assertThat(details.path("runUrl").asString()).isEqualTo("https://ci/run/9");
    }

    @Test
    void checkReportRefusesBadDetailsBeforeSendingAnything(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path notAnObject = dir.resolve("list.json");
        java.nio.file.Files.writeString(notAnObject, "[1, 2]");
        java.nio.file.Path withKey = dir.resolve("with-key.json");
        java.nio.file.Files.writeString(withKey, "{\"openFixes\": 0}");
        String[] common = {"check", "report", "ict-qm@2.1.0", "audit-verification", "PASS", "--revision", "5114f85",
                "--token", "demo-ci", "--check-ingest-url", cli.url()};

        assertThat(cli.run(concat(common, "--detail", "openFixes"))).isEqualTo(2);
        assertThat(cli.err()).contains("--detail").contains("not KEY=VALUE");
        assertThat(cli.run(concat(common, "--detail", "fix={\"a\":1}"))).isEqualTo(2);
        assertThat(cli.err()).contains("detail 'fix' must be a text, a boolean, a number or a list of texts");
        assertThat(cli.run(concat(common, "--detail", "openFixes=null"))).isEqualTo(2);
        assertThat(cli.run(concat(common, "--details-file", notAnObject.toString()))).isEqualTo(2);
        assertThat(cli.err()).contains("must hold a JSON object of details");
        assertThat(cli.run(concat(common, "--details-file", dir.resolve("missing.json").toString()))).isEqualTo(2);
        assertThat(cli.run(concat(common, "--details-file", withKey.toString(), "--detail", "openFixes=1"))).isEqualTo(2);
        assertThat(cli.err()).contains("detail 'openFixes' is given twice");
        assertThat(cli.calls()).isEmpty();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void approveGoesToTheApprovalServiceAndNeverNamesTheApproverInTheBody() {
        cli.run("approve", "ict-qm@2.1.0", "--role", "auditor", "--comment", "AUD-1 PASS", "--token", "demo-bob",
                "--approval-url", cli.url());

        StubbedCli.Call call = cli.calls().get(0);
        assertThat(call.path()).isEqualTo("/api/v1/approvals");
        assertThat(call.body().path("verdict").asString()).isEqualTo("APPROVE");
        assertThat(call.body().path("role").asString()).isEqualTo("auditor");
        assertThat(call.body().has("approver")).isFalse();
        assertThat(call.authorization()).isEqualTo("Bearer demo-bob");
    }

    @Test
    void killSwitchSendsTheActionInTheApiSpelling() {
        cli.run("kill-switch", "activate", "rl-policy", "--reason", "page alert", "--token", "demo-erin",
                "--approval-url", cli.url());

        assertThat(cli.calls().get(0).body().path("action").asString()).isEqualTo("ACTIVATE");
    }

    @Test
    void holdPlacePostsNameTargetPatternAndReason_liftDeletesById() {
        cli.answer("{\"holdId\":\"h-1\",\"name\":\"incident-4711\"}");
        int placed = cli.run("hold", "place", "incident-4711", "payments-*", "--reason", "INC-4711", "--token",
                "demo-erin", "--approval-url", cli.url());
        cli.status(200);
        int lifted = cli.run("hold", "lift", "h-1", "--reason", "fixed now", "--token", "demo-erin",
                "--approval-url", cli.url());

        assertThat(placed).isZero();
        assertThat(lifted).isZero();
        assertThat(cli.calls().get(0).method()).isEqualTo("POST");
        assertThat(cli.calls().get(0).path()).isEqualTo("/api/v1/holds");
        assertThat(cli.calls().get(0).body().path("target").asString()).isEqualTo("payments-*");
        assertThat(cli.calls().get(0).body().path("name").asString()).isEqualTo("incident-4711");
        assertThat(cli.calls().get(0).body().has("placedBy")).isFalse();
        assertThat(cli.calls().get(1).method()).isEqualTo("DELETE");
        assertThat(cli.calls().get(1).path()).isEqualTo("/api/v1/holds/h-1");
        assertThat(cli.out()).contains("hold incident-4711 placed on payments-* (id h-1)", "hold h-1 lifted");
    }

    @Test
    void aRefusalExitsOneAndTellsWhatToDo() {
        cli.status(401);
        cli.answer("{\"title\":\"Authentication required\",\"detail\":\"unknown bearer token\"}");

        int exit = cli.run("release", "register", "x@1.0.0", "--type", "BUGFIX", "--revision", "abcdef1",
                "--author", "alice", "--check-ingest-url", cli.url());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).contains("GREENLIGHT_TOKEN");
    }

    @Test
    void anUnreachableServiceExitsThreeAndSuggestsStartingTheStack() {
        cli.stop();

        int exit = cli.run("release", "register", "x@1.0.0", "--type", "BUGFIX", "--revision", "abcdef1",
                "--author", "alice", "--check-ingest-url", cli.url());

        assertThat(exit).isEqualTo(3);
        assertThat(cli.err()).contains("./greenlight up");
    }

    @Test
    void aMalformedReleaseReferenceIsRejectedBeforeAnyCall() {
        int exit = cli.run("release", "register", "ict-qm", "--type", "BUGFIX", "--revision", "abcdef1",
                "--author", "alice", "--check-ingest-url", cli.url());

        assertThat(exit).isNotZero();
        assertThat(cli.err()).contains("TARGET@VERSION");
        assertThat(cli.calls()).isEmpty();
    }
}
