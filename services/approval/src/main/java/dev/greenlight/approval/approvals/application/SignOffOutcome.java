package dev.greenlight.approval.approvals.application;

import dev.greenlight.approval.approvals.domain.SignOff;

/** The sign-off that stands after a request, and whether this request recorded it (or repeated it). */
public record SignOffOutcome(SignOff signOff, boolean created) {
}
