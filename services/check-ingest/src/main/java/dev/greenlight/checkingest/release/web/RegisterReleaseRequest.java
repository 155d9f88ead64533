package dev.greenlight.checkingest.release.web;

/**
 * Body of {@code POST /api/v1/releases}. Every field is a plain string so that an unknown release
 * type or a malformed version is reported by field name instead of as unreadable JSON.
 */
record RegisterReleaseRequest(String target, String version, String type, String revision, String author,
                              String changelog, String policy, String previousVersion) {
}
