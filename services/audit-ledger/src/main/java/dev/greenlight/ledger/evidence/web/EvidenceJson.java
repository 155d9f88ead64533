package dev.greenlight.ledger.evidence.web;

import dev.greenlight.ledger.evidence.domain.EvidenceBundle;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundle as indented JSON: the records' fields as they are, instants as ISO-8601 strings, absent
 * facts as {@code null} — a stable, documented shape an auditor's tooling can read and archive.
 */
final class EvidenceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EvidenceJson() {
    }

    static String render(EvidenceBundle bundle) {
        return MAPPER.writeValueAsString(bundle);
    }
}
