package dev.greenlight.policy.model;

/**
 * Kind of change a release carries. Mirrors the event schema's enum so policies can select
 * criteria by type ({@code appliesTo}) without the engine depending on the generated Avro classes.
 */
public enum ReleaseType {
    STRATEGY, MODEL, BUGFIX, HOTFIX, CONFIG
}
