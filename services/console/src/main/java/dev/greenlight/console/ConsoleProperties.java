package dev.greenlight.console;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console finds the services whose APIs it calls on a person's behalf (actions, the
 * ledger's verify and export, the ledger's what-if, the integrations' delivery failures) and links
 * to (evidence bundles, attestations).
 *
 * @param services the base URLs of the other services
 */
@ConfigurationProperties("greenlight.console")
public record ConsoleProperties(@DefaultValue Services services) {

    /** Base URLs of the services, by their stack names. */
    public record Services(@DefaultValue("http://localhost:8181") URI checkIngest,
            @DefaultValue("http://localhost:8182") URI approval,
            @DefaultValue("http://localhost:8183") URI gateEvaluator,
            @DefaultValue("http://localhost:8184") URI rolloutController,
            @DefaultValue("http://localhost:8185") URI auditLedger,
            @DefaultValue("http://localhost:8187") URI integrations) {
    }
}
