package dev.greenlight.cli.policy;

/** {@code --output}: text for people, json for pipelines. */
public enum OutputFormat { text, json }
