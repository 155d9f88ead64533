package dev.greenlight.checkingest.webhook.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only a page (or critical) may block a release; anything unrecognised must not. */
class AlertSeverityMappingTest {

    @ParameterizedTest
    @CsvSource({"page,PAGE", "critical,PAGE", "PAGE,PAGE", "warning,WARNING", "info,INFO", "none,INFO",
        "disaster,INFO", "'',INFO"})
    void mapsTheSeverityLabel(String label, AlertSeverity severity) {
        assertThat(AlertmanagerDeliveries.severity(label)).isEqualTo(severity);
    }
}
