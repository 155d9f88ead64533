package dev.greenlight.approval;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may do what at the approval service's door. Finer rules (which role may waive which
 * criterion, how many approvals a stage needs) belong to the gate policy.
 *
 * @param waiverRoles  roles that may grant waivers at all
 * @param killSwitch   who may flip kill switches
 * @param maxBodySize  requests with a larger body are refused with 413 before they are read
 * @param waivers      how long waivers last
 * @param holds        who may place and lift named holds
 */
@ConfigurationProperties("greenlight.approval")
public record ApprovalProperties(
        @DefaultValue({"founder", "release-captain", "risk", "management"}) List<String> waiverRoles,
        @DefaultValue KillSwitch killSwitch,
        @DefaultValue("16KB") DataSize maxBodySize,
        @DefaultValue Waivers waivers,
        @DefaultValue Holds holds) {

    /**
     * @param placeRoles    roles that may place a hold (stop the line): people on call, in engineering and
     *                      operations, release captains, founders, and {@code stop-the-line} for bots
     * @param authorityRole the role that may lift anybody's hold (its owner may always lift their own)
     */
    public record Holds(@DefaultValue({"on-call", "engineer", "operations", "release-captain", "founder",
            "stop-the-line"}) List<String> placeRoles,
                        @DefaultValue("founder") String authorityRole) {
    }

    /**
     * @param defaultExpiry a waiver without {@code expiresAt} lapses this long after it was granted
     * @param maxExpiry     an explicit {@code expiresAt} may be at most this far ahead
     */
    public record Waivers(@DefaultValue("7d") Duration defaultExpiry, @DefaultValue("30d") Duration maxExpiry) {
    }

    /**
     * @param activateRoles roles that may activate a kill switch (on call and engineering)
     * @param authorityRole the one role that may deactivate it again
     */
    public record KillSwitch(@DefaultValue({"on-call", "engineer", "operations", "founder"}) List<String> activateRoles,
                             @DefaultValue("founder") String authorityRole) {
    }
}
