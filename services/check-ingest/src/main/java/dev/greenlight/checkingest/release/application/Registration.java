package dev.greenlight.checkingest.release.application;

import dev.greenlight.events.ReleaseRegistered;

/** The registered release and whether this request created it (201) or found it already there (200). */
public record Registration(ReleaseRegistered release, boolean created) {
}
