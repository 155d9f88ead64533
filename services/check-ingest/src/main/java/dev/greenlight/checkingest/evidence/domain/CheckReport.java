package dev.greenlight.checkingest.evidence.domain;

import dev.greenlight.checkingest.release.domain.Identifiers;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.checkingest.release.domain.SemanticVersion;
import dev.greenlight.events.CheckStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One check result as a machine reports it. Construction validates every field, so a report that
 * could mislead a gate (a check that finished before it started, an unnamed check) cannot exist.
 */
public record CheckReport(String target, SemanticVersion version, String name, CheckStatus status, String revision,
                          Instant startedAt, Instant completedAt, Optional<String> url, Optional<String> summary,
                          Map<String, Object> details, Optional<String> eventId) {

    /**
     * Lower-case kebab case with an optional {@code kind:} prefix, as gate policies reference checks;
     * or {@code dependency:<item>}, because a policy's dependency criterion reads the check named
     * after its work item exactly as written there ({@code dependency:#44}, {@code dependency:OPS-12}).
     */
    public static final Pattern NAME = Pattern.compile(
            "([a-z0-9]+(-[a-z0-9]+)*:)?[a-z0-9]+(-[a-z0-9]+)*|dependency:[A-Za-z0-9#][A-Za-z0-9#/._-]*");

    public CheckReport {
        Fields.require("target", Identifiers.isTarget(target), Identifiers.TARGET_RULE);
        Objects.requireNonNull(version, "version");
        Fields.require("name", name != null && name.length() <= 128 && NAME.matcher(name).matches(),
                "must be lower-case kebab case with an optional 'kind:' prefix, e.g. unit-tests or lane:cli,"
                        + " or dependency:<work item>, e.g. dependency:#44");
        Fields.require("status", status != null, "is required");
        Fields.require("revision", Identifiers.isRevision(revision), Identifiers.REVISION_RULE);
        Fields.require("startedAt", startedAt != null, "is required");
        Fields.require("completedAt", completedAt != null, "is required");
        if (completedAt.isBefore(startedAt)) {
            throw new InvalidFieldException("completedAt", "must not be before startedAt");
        }
        url = Fields.optionalText("url", url, 2048);
        summary = Fields.optionalText("summary", summary, 4096);
        details = CheckDetails.validate(details);
        eventId = Fields.eventId(eventId);
    }
}
