package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.platform.topics.Topics;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import dev.greenlight.approval.ApiFixture.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Runtime freeze windows through the public API against a real broker: who may declare and lift
 * them, and for every refused attempt (no token, wrong role, someone else's freeze, a look-alike
 * pattern, a window with to <= from, a missing reason, an oversized body) the refusal AND that
 * nothing reached the holds topic (where freezes live). Each test uses its own freeze names.
 */
class FreezeApiIT extends ApprovalServiceTestBase {

    private static final String WINDOW = "\"from\": \"2026-11-27T00:00:00Z\", \"to\": \"2026-11-30T00:00:00Z\"";

    @Test
    void anOnCallEngineerDeclaresAFreezeWithOverrides_itIsListed_andTheFounderLiftsIt() {
        Answer declared = api.call(HttpMethod.POST, "/api/v1/freezes", "demo-erin", """
                {"name": "black-friday", "target": "payments-*", "reason": "peak traffic",
                 "from": "2026-11-27T00:00:00Z", "to": "2026-11-30T00:00:00Z",
                 "override": {"roles": ["management"], "releaseTypes": ["HOTFIX"]}}""");

        assertThat(declared.status()).isEqualTo(201);
        FreezeDeclared event = ApiFixture.single(freezesNamed("black-friday"), FreezeDeclared.class);
        assertThat(event.getTarget()).isEqualTo("payments-*");
        assertThat(event.getDeclaredBy()).isEqualTo("erin");
        assertThat(event.getFrom()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(event.getTo()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(event.getOverrideRoles()).containsExactly("management");
        assertThat(event.getOverrideReleaseTypes()).containsExactly("HOTFIX");
        assertThat(event.getMeta().getEventId()).isEqualTo(declared.body().path("eventId").asString());

        Answer listed = api.call(HttpMethod.GET, "/api/v1/freezes", "demo-frank", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().valueStream().map(f -> f.path("name").asString()).toList()).contains("black-friday");

        Answer lifted = api.call(HttpMethod.DELETE, "/api/v1/freezes/" + event.getFreezeId() + "?reason=cancelled",
                "demo-dave", null);
        assertThat(lifted.status()).isEqualTo(200);
        List<SpecificRecord> trail = freezesNamed("black-friday");
        assertThat(trail).hasSize(2);
        FreezeLifted lift = (FreezeLifted) trail.get(1);
        assertThat(lift.getFreezeId()).isEqualTo(event.getFreezeId());
        assertThat(lift.getLiftedBy()).isEqualTo("dave");
        assertThat(lift.getReason()).isEqualTo("cancelled");
    }

    @Test
    void liftingSomebodyElsesFreezeWithoutTheAuthorityRoleIsRefusedRecordedAndWritesNothing_theDeclarerMayLiftIt() {
        Answer declared = api.call(HttpMethod.POST, "/api/v1/freezes", "demo-erin",
                "{\"name\": \"erins-freeze\", \"target\": \"svc-f\", \"reason\": \"migration\", " + WINDOW + "}");
        String freezeId = declared.body().path("freezeId").asString();

        Answer bob = api.call(HttpMethod.DELETE, "/api/v1/freezes/" + freezeId, "demo-bob", null);

        assertThat(bob.status()).isEqualTo(403);
        assertThat(bob.body().path("detail").asString()).contains("only its declarer erin");
        assertThat(freezesNamed("erins-freeze")).singleElement().isInstanceOf(FreezeDeclared.class);
        assertThat(api.refusals("svc-f", "FREEZE_LIFT")).extracting(ActionRefused::getAttemptedBy).contains("bob");

        assertThat(api.call(HttpMethod.DELETE, "/api/v1/freezes/" + freezeId, "demo-erin", null).status()).isEqualTo(200);
        assertThat(freezesNamed("erins-freeze")).hasSize(2).last().isInstanceOf(FreezeLifted.class);
        assertThat(api.call(HttpMethod.DELETE, "/api/v1/freezes/" + freezeId, "demo-erin", null).status()).isEqualTo(404);
    }

    @Test
    void withoutATokenOrWithoutAHoldPlacingRoleNothingIsWritten() {
        String body = "{\"name\": \"not-allowed-freeze\", \"target\": \"*\", \"reason\": \"x\", " + WINDOW + "}";

        assertThat(api.call(HttpMethod.POST, "/api/v1/freezes", null, body).status()).isEqualTo(401);
        assertThat(api.call(HttpMethod.GET, "/api/v1/freezes", null, null).status()).isEqualTo(401);
        assertThat(api.call(HttpMethod.POST, "/api/v1/freezes", "demo-frank", body).status()).isEqualTo(403);
        assertThat(api.call(HttpMethod.POST, "/api/v1/freezes", "demo-ci", body).status()).isEqualTo(403);
        assertThat(freezesNamed("not-allowed-freeze")).isEmpty();
        assertThat(api.refusals("*", "FREEZE_DECLARE")).extracting(ActionRefused::getAttemptedBy).contains("frank", "ci");
    }

    @Test
    void badWindowsLookAlikePatternsMissingReasonsAndOversizedBodiesAreRefusedNamingTheFieldAndWriteNothing() {
        assertThat(field("{\"name\": \"bad-freeze\", \"target\": \"svc-a\", \"reason\": \"x\", "
                + "\"from\": \"2026-11-27T00:00:00Z\", \"to\": \"2026-11-27T00:00:00Z\"}")).isEqualTo("to");
        assertThat(field("{\"name\": \"bad-freeze\", \"target\": \"svc-a\", \"reason\": \"x\", "
                + "\"from\": \"2026-11-27T00:00:00Z\", \"to\": \"2026-11-26T00:00:00Z\"}")).isEqualTo("to");
        assertThat(field("{\"name\": \"bad-freeze\", \"target\": \"svc-a\", \"reason\": \"x\", "
                + "\"from\": \"tomorrow\", \"to\": \"2026-11-26T00:00:00Z\"}")).isEqualTo("from");
        assertThat(field("{\"name\": \"bad-freeze\", \"target\": \"svc-a\", " + WINDOW + "}")).isEqualTo("reason");
        for (String pattern : List.of("Payments-*", "p\u0430yments", "payments\u200b", "pay**", "")) {
            assertThat(field("{\"name\": \"bad-freeze\", \"target\": \"" + pattern + "\", \"reason\": \"x\", "
                    + WINDOW + "}")).as(pattern).isEqualTo("target");
        }
        assertThat(field("{\"name\": \"bad-freeze\", \"target\": \"svc-a\", \"reason\": \"x\", " + WINDOW
                + ", \"override\": {\"releaseTypes\": [\"hotfix\"]}}")).isEqualTo("override.releaseTypes");
        assertThat(api.call(HttpMethod.POST, "/api/v1/freezes", "demo-erin",
                "{\"name\": \"bad-freeze\", \"target\": \"svc-a\", " + WINDOW + ", \"reason\": \""
                        + "x".repeat(20_000) + "\"}").status()).isEqualTo(413);
        assertThat(freezesNamed("bad-freeze")).isEmpty();
    }

    private String field(String body) {
        Answer answer = api.call(HttpMethod.POST, "/api/v1/freezes", "demo-erin", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        return answer.body().path("field").asString();
    }

    private List<SpecificRecord> freezesNamed(String name) {
        return api.values(Topics.HOLDS).stream()
                .filter(v -> name.equals(v instanceof FreezeDeclared d ? d.getName()
                        : v instanceof FreezeLifted l ? l.getName() : null))
                .toList();
    }
}
