package dev.greenlight.integrations.notifications.domain;

import java.util.List;

/** A blocking criterion a HOLD waits for; {@code roles} are who can give the missing sign-off (empty for other kinds). */
public record PendingNeed(String criterion, String waitingFor, List<String> roles) {

    public PendingNeed {
        roles = List.copyOf(roles);
    }
}
