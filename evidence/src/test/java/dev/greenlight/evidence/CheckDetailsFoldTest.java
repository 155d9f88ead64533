package dev.greenlight.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.EventMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/** Structured check details reach the engine typed; events older than the field keep their numbers. */
class CheckDetailsFoldTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private static CheckReported check(Map<String, Double> numbers, Map<String, Object> structured) {
        return new CheckReported(new EventMetadata("c1", T, "ci"), "trade-nexus", "5.1.0", "replay-gate",
                CheckStatus.PASS, "9a5e2e0c1", T, T, null, null, numbers, "api", structured);
    }

    @Test
    void structuredDetailsWinAndAreNormalisedWhateverTheAvroStringType() {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("decision", new Utf8("pass"));
        structured.put("mergeBlocked", false);
        structured.put("openFixes", 0.0);
        structured.put("reasons", List.of(new Utf8("none")));

        assertThat(CheckDetailsFold.of(check(Map.of("openFixes", 0.0), structured))).containsExactly(
                Map.entry("decision", "pass"), Map.entry("mergeBlocked", false), Map.entry("openFixes", 0.0),
                Map.entry("reasons", List.of("none")));
    }

    @Test
    void detailsSurviveTheWireTyped() throws IOException {
        Map<String, Object> structured = Map.of("verdict", "PASS-WITH-FIXES", "openFixes", 1.0, "signed", true,
                "reasons", List.of("a", "b"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(CheckReported.class).write(check(Map.of("openFixes", 1.0), structured), encoder);
        encoder.flush();
        CheckReported read = new SpecificDatumReader<>(CheckReported.class)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(CheckDetailsFold.of(read)).isEqualTo(Map.of("verdict", "PASS-WITH-FIXES", "openFixes", 1.0,
                "signed", true, "reasons", List.of("a", "b")));
    }

    @Test
    void anEventWrittenBeforeStructuredDetailsKeepsItsNumbers() {
        assertThat(CheckDetailsFold.of(check(Map.of("trades", 25.0), null))).containsExactly(Map.entry("trades", 25.0));
    }

    @Test
    void theFoldHandsTheDetailsToTheEngine() {
        var release = EvidenceEvents.release("r1", "trade-nexus", "5.1.0", dev.greenlight.events.ReleaseType.STRATEGY, T);
        var evidence = EvidenceFold.fold(release, List.of(check(Map.of(), Map.of("mergeBlocked", true))));

        assertThat(evidence.checks().get(0).details()).containsExactly(Map.entry("mergeBlocked", true));
    }
}
