package dev.greenlight.gate.integration.domain;

import java.util.Map;

/**
 * Which Greenlight release and stage a Flagger canary's webhook asks about. The target is the
 * webhook's {@code greenlight.target} metadata, else the configured mapping of
 * {@code namespace/name}, else the canary's name; the version and the stage come from
 * {@code greenlight.version} and {@code greenlight.stage} (the stage may also default by
 * configuration). Flagger's payload carries no version, so a webhook without one is refused,
 * naming the metadata key: guessing "the latest release" could let an older canary pass on a
 * newer release's GO.
 *
 * @param targets      {@code namespace/name} → target
 * @param defaultStage the stage when the metadata names none; null: the metadata must name it
 */
public record FlaggerMapping(Map<String, String> targets, String defaultStage) {

    public FlaggerMapping {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        defaultStage = defaultStage == null || defaultStage.isBlank() ? null : defaultStage.trim();
    }

    /** The release and stage a gate hook asks about. */
    public Resolved resolve(FlaggerHook hook) {
        return resolve(hook, true);
    }

    /**
     * The release a hook asks about, and its stage when {@code stageNeeded} (a rollback hook asks
     * about the version, whichever stage it is in: its stage is then null when none is named).
     */
    public Resolved resolve(FlaggerHook hook, boolean stageNeeded) {
        String target = hook.metadata(FlaggerHook.TARGET);
        if (target == null && hook.namespace() != null && hook.name() != null) {
            target = targets.get(hook.namespace() + "/" + hook.name());
        }
        if (target == null) {
            target = hook.name() == null || hook.name().isBlank() ? null : hook.name().trim();
        }
        if (target == null) {
            throw new MissingField("name");
        }
        String version = hook.metadata(FlaggerHook.VERSION);
        if (version == null) {
            throw new MissingField("metadata." + FlaggerHook.VERSION);
        }
        String stage = hook.metadata(FlaggerHook.STAGE);
        if (stage == null) {
            stage = defaultStage;
        }
        if (stage == null && stageNeeded) {
            throw new MissingField("metadata." + FlaggerHook.STAGE);
        }
        return new Resolved(target, version, stage);
    }

    /** The release and stage a hook is about. */
    public record Resolved(String target, String version, String stage) {
    }

    /** The hook does not say what it is about; {@code field} names what is missing. */
    public static final class MissingField extends RuntimeException {

        private final String field;

        public MissingField(String field) {
            super(field + " is required");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
