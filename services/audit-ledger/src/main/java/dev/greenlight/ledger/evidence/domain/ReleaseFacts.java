package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/**
 * The release as registered: what was built, from which revision, by whom, under which policy.
 *
 * @param target       release target
 * @param version      version
 * @param releaseType  STRATEGY, MODEL, ...
 * @param revision     source revision (the deployment revision of the Gate5 evidence)
 * @param author       author of the change
 * @param changelog    changelog text, null when none was given
 * @param policy       policy named at registration, null when the gate chose by target and type
 * @param registeredAt when the registration happened ({@code meta.occurredAt})
 * @param registeredBy the authenticated publisher ({@code meta.principal})
 * @param source       the {@code ReleaseRegistered} entry
 */
public record ReleaseFacts(String target, String version, String releaseType, String revision, String author,
        String changelog, String policy, Instant registeredAt, String registeredBy, Source source) {
}
