package dev.greenlight.ledger.replay.application;

import java.util.List;

/** Every recorded decision the candidate was tried on; {@code blocked} when any GO becomes NO-GO. */
public record WhatIfReport(String candidate, String candidateHash, List<WhatIfResult> results) {

    public WhatIfReport {
        results = List.copyOf(results);
    }

    public long flipped() {
        return results.stream().filter(WhatIfResult::flipped).count();
    }

    public boolean blocked() {
        return results.stream().anyMatch(WhatIfResult::blocks);
    }
}
