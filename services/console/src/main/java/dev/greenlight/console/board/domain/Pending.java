package dev.greenlight.console.board.domain;

import java.time.Instant;
import java.util.List;

/** One blocking criterion a HOLD waits for: who can act (roles) or until when time alone changes it. */
public record Pending(String criterion, String waitingFor, List<String> roles, Instant until) {

    public Pending {
        roles = List.copyOf(roles);
    }

    /** Who must act, in words: the roles that can fill the seat, or what it waits for. */
    public String who() {
        return roles.isEmpty() ? waitingFor : String.join(" or ", roles);
    }
}
