package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import dev.greenlight.approval.ApiFixture.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Named holds through the public API against a real broker: who may place and lift them, and for
 * every refused attempt (no token, wrong role, someone else's hold, a look-alike pattern, an
 * oversized body) the refusal AND that nothing reached the holds topic. Each test uses its own
 * hold names so they can share the topic.
 */
class HoldApiIT extends ApprovalServiceTestBase {

    @Test
    void anOnCallEngineerPlacesAHoldOnAPattern_itIsListed_andTheFounderLiftsIt() {
        Answer placed = api.call(HttpMethod.POST, "/api/v1/holds", "demo-erin", """
                {"name": "incident-4711", "target": "payments-*", "reason": "card auth errors, INC-4711"}""");

        assertThat(placed.status()).isEqualTo(201);
        HoldPlaced event = ApiFixture.single(holdsNamed("incident-4711"), HoldPlaced.class);
        assertThat(event.getTarget()).isEqualTo("payments-*");
        assertThat(event.getPlacedBy()).isEqualTo("erin");
        assertThat(event.getMeta().getPrincipal()).isEqualTo("erin");
        assertThat(event.getReason()).isEqualTo("card auth errors, INC-4711");
        assertThat(event.getHoldId()).isEqualTo(placed.body().path("holdId").asString());
        assertThat(event.getMeta().getEventId()).isEqualTo(placed.body().path("eventId").asString());

        Answer listed = api.call(HttpMethod.GET, "/api/v1/holds", "demo-frank", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().valueStream().map(h -> h.path("name").asString()).toList()).contains("incident-4711");

        Answer lifted = api.call(HttpMethod.DELETE, "/api/v1/holds/" + event.getHoldId() + "?reason=fixed", "demo-dave",
                null);
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.body().path("lifted").asBoolean()).isTrue();
        List<SpecificRecord> trail = holdsNamed("incident-4711");
        assertThat(trail).hasSize(2);
        HoldLifted lift = (HoldLifted) trail.get(1);
        assertThat(lift.getHoldId()).isEqualTo(event.getHoldId());
        assertThat(lift.getLiftedBy()).isEqualTo("dave");
        assertThat(lift.getReason()).isEqualTo("fixed");
        assertThat(api.call(HttpMethod.GET, "/api/v1/holds", "demo-erin", null).body().valueStream()
                .map(h -> h.path("name").asString()).toList()).doesNotContain("incident-4711");
    }

    @Test
    void liftingSomebodyElsesHoldWithoutTheAuthorityRoleIsRefusedRecordedAndWritesNothing_theOwnerMayLiftIt() {
        Answer placed = api.call(HttpMethod.POST, "/api/v1/holds", "demo-erin", """
                {"name": "owned-by-erin", "target": "svc-a", "reason": "waiting for the DB migration"}""");
        String holdId = placed.body().path("holdId").asString();

        Answer bob = api.call(HttpMethod.DELETE, "/api/v1/holds/" + holdId, "demo-bob", null);

        assertThat(bob.status()).isEqualTo(403);
        assertThat(bob.body().path("detail").asString()).contains("only its owner erin");
        assertThat(holdsNamed("owned-by-erin")).singleElement().isInstanceOf(HoldPlaced.class);
        ActionRefused refused = api.refusals("svc-a", "HOLD_LIFT").get(0);
        assertThat(refused.getAttemptedBy()).isEqualTo("bob");

        Answer owner = api.call(HttpMethod.DELETE, "/api/v1/holds/" + holdId, "demo-erin", null);
        assertThat(owner.status()).isEqualTo(200);
        assertThat(holdsNamed("owned-by-erin")).hasSize(2).last().isInstanceOf(HoldLifted.class);
        assertThat(api.call(HttpMethod.DELETE, "/api/v1/holds/" + holdId, "demo-erin", null).status())
                .as("a lifted hold no longer stands").isEqualTo(404);
    }

    @Test
    void withoutATokenOrWithoutAHoldPlacingRoleNothingIsWritten() {
        String body = """
                {"name": "not-allowed", "target": "*", "reason": "stop everything"}""";

        assertThat(api.call(HttpMethod.POST, "/api/v1/holds", null, body).status()).isEqualTo(401);
        assertThat(api.call(HttpMethod.POST, "/api/v1/holds", "demo-nobody", body).status()).isEqualTo(401);
        assertThat(api.call(HttpMethod.GET, "/api/v1/holds", null, null).status()).isEqualTo(401);
        Answer frank = api.call(HttpMethod.POST, "/api/v1/holds", "demo-frank", body);
        Answer ci = api.call(HttpMethod.POST, "/api/v1/holds", "demo-ci", body);

        assertThat(frank.status()).isEqualTo(403);
        assertThat(ci.status()).isEqualTo(403);
        assertThat(holdsNamed("not-allowed")).isEmpty();
        assertThat(api.refusals("*", "HOLD_PLACE")).extracting(ActionRefused::getAttemptedBy).contains("frank", "ci");
    }

    @Test
    void lookAlikeOrMalformedPatternsAndOversizedBodiesAreRefusedNamingTheFieldAndWriteNothing() {
        for (String pattern : List.of("Payments-*", "p\u0430yments", "payments\u200b", "payments\u2010eu", "pay**",
                "pay?", "")) {
            Answer answer = api.call(HttpMethod.POST, "/api/v1/holds", "demo-erin",
                    "{\"name\": \"look-alike\", \"target\": \"" + pattern + "\", \"reason\": \"x\"}");
            assertThat(answer.status()).as(pattern).isEqualTo(400);
            assertThat(answer.body().path("field").asString()).as(pattern).isEqualTo("target");
        }
        assertThat(api.call(HttpMethod.POST, "/api/v1/holds", "demo-erin", """
                {"name": "Look Alike", "target": "svc-a", "reason": "x"}""").body().path("field").asString())
                .isEqualTo("name");
        assertThat(api.call(HttpMethod.POST, "/api/v1/holds", "demo-erin", """
                {"name": "look-alike", "target": "svc-a"}""").body().path("field").asString()).isEqualTo("reason");
        assertThat(api.call(HttpMethod.POST, "/api/v1/holds", "demo-erin",
                "{\"name\": \"look-alike\", \"target\": \"svc-a\", \"reason\": \"" + "x".repeat(20_000) + "\"}")
                .status()).isEqualTo(413);
        assertThat(holdsNamed("look-alike")).isEmpty();
    }

    @Test
    void aSecondStandingHoldWithTheSameNameIsAConflictAndWritesNothing() {
        String body = """
                {"name": "twice", "target": "svc-b", "reason": "first"}""";
        assertThat(api.call(HttpMethod.POST, "/api/v1/holds", "demo-erin", body).status()).isEqualTo(201);

        Answer again = api.call(HttpMethod.POST, "/api/v1/holds", "demo-dave", body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(holdsNamed("twice")).hasSize(1);
    }

    @Test
    void theOrgWideKillSwitchTakesAPatternOnItsOwnTopic_aLookAlikePatternOrAWrongRoleWritesNothing() {
        Answer on = api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-erin", """
                {"target": "ict-*", "action": "ACTIVATE", "reason": "market data feed corrupt"}""");
        Answer lookAlike = api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-erin", """
                {"target": "ICT-*", "action": "ACTIVATE", "reason": "x"}""");
        Answer frank = api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-frank", """
                {"target": "ict-*", "action": "ACTIVATE", "reason": "x"}""");
        Answer erinOff = api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-erin", """
                {"target": "ict-*", "action": "DEACTIVATE", "reason": "x"}""");
        Answer off = api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-dave", """
                {"target": "ict-*", "action": "DEACTIVATE", "reason": "feed repaired"}""");

        assertThat(on.status()).isEqualTo(200);
        assertThat(lookAlike.status()).isEqualTo(400);
        assertThat(lookAlike.body().path("field").asString()).isEqualTo("target");
        assertThat(frank.status()).isEqualTo(403);
        assertThat(erinOff.status()).isEqualTo(403);
        assertThat(off.status()).isEqualTo(200);
        List<SpecificRecord> flips = TopicProbe.readAll(brokers, Topics.KILL_SWITCH_PATTERNS, registry).stream()
                .map(r -> r.value()).toList();
        assertThat(flips).hasSize(2);
        assertThat(((KillSwitchActivated) flips.get(0)).getTarget()).isEqualTo("ict-*");
        assertThat(((KillSwitchActivated) flips.get(0)).getActivatedBy()).isEqualTo("erin");
        assertThat(((KillSwitchDeactivated) flips.get(1)).getDeactivatedBy()).isEqualTo("dave");
        assertThat(TopicProbe.readAll(brokers, Topics.KILL_SWITCH, registry)).noneMatch(r -> r.key().contains("*"));
    }

    private List<SpecificRecord> holdsNamed(String name) {
        return api.values(Topics.HOLDS).stream()
                .filter(v -> name.equals(v instanceof HoldPlaced p ? p.getName()
                        : v instanceof HoldLifted l ? l.getName() : null))
                .toList();
    }
}
