package dev.greenlight.approval;

import dev.greenlight.approval.approvals.domain.SignOffRules;
import dev.greenlight.approval.approvals.domain.SignOffs;
import dev.greenlight.approval.freezes.domain.FreezeRules;
import dev.greenlight.approval.freezes.domain.StandingFreezes;
import dev.greenlight.approval.holds.domain.HoldRules;
import dev.greenlight.approval.holds.domain.StandingHolds;
import dev.greenlight.approval.killswitch.domain.KillSwitchRules;
import dev.greenlight.approval.oncall.domain.CoverageRules;
import dev.greenlight.approval.waiver.domain.GrantedWaivers;
import dev.greenlight.approval.waiver.domain.WaiverExpiry;
import dev.greenlight.approval.waiver.domain.WaiverRules;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the framework-free domain rules from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApprovalProperties.class)
class RulesConfiguration {

    @Bean
    SignOffRules signOffRules() {
        return new SignOffRules();
    }

    @Bean
    SignOffs signOffs() {
        return new SignOffs();
    }

    @Bean
    WaiverRules waiverRules(ApprovalProperties properties) {
        return new WaiverRules(Set.copyOf(properties.waiverRoles()));
    }

    @Bean
    WaiverExpiry waiverExpiry(ApprovalProperties properties) {
        return new WaiverExpiry(properties.waivers().defaultExpiry(), properties.waivers().maxExpiry());
    }

    @Bean
    GrantedWaivers grantedWaivers() {
        return new GrantedWaivers();
    }

    @Bean
    CoverageRules coverageRules() {
        return new CoverageRules();
    }

    @Bean
    KillSwitchRules killSwitchRules(ApprovalProperties properties) {
        return new KillSwitchRules(Set.copyOf(properties.killSwitch().activateRoles()),
                properties.killSwitch().authorityRole());
    }

    @Bean
    HoldRules holdRules(ApprovalProperties properties) {
        return new HoldRules(Set.copyOf(properties.holds().placeRoles()), properties.holds().authorityRole());
    }

    @Bean
    StandingHolds standingHolds() {
        return new StandingHolds();
    }

    @Bean
    FreezeRules freezeRules(ApprovalProperties properties) {
        // Declaring a freeze is placing a scheduled hold: the same roles, the same authority.
        return new FreezeRules(Set.copyOf(properties.holds().placeRoles()), properties.holds().authorityRole());
    }

    @Bean
    StandingFreezes standingFreezes() {
        return new StandingFreezes();
    }
}
