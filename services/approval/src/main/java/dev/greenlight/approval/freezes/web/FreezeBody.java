package dev.greenlight.approval.freezes.web;

import java.util.List;

/**
 * Body of {@code POST /api/v1/freezes}. Plain strings so each bad field is reported by name; times
 * are ISO-8601 UTC instants, the window is {@code [from, to)}.
 */
record FreezeBody(String name, String target, String reason, String from, String to, Override override) {

    /** The policy blackout's override: these roles' approvals lift it, these release types are not frozen. */
    record Override(List<String> roles, List<String> releaseTypes) {
    }
}
