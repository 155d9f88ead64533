package dev.greenlight.approval.common.application;

/** What this service needs to know about a registered release: who wrote it and at which revision. */
public record Release(String target, String version, String revision, String author) {
}
