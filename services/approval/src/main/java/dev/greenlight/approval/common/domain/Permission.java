package dev.greenlight.approval.common.domain;

/**
 * The outcome of a permission rule. A refusal carries a human-readable reason because it is not
 * only answered to the caller but recorded as an {@code ActionRefused} fact for the audit ledger.
 */
public record Permission(boolean granted, String reason) {

    public static final Permission GRANTED = new Permission(true, null);

    public static Permission refused(String reason) {
        return new Permission(false, reason);
    }
}
