package dev.greenlight.ledger.replay.web;

import dev.greenlight.ledger.replay.application.WhatIfReport;
import dev.greenlight.ledger.replay.application.WhatIfResult;
import java.util.List;

/** The what-if answer as JSON: the verdict first ({@code blocked}, {@code flipped}), then every decision tried. */
record WhatIfView(boolean blocked, long flipped, String candidate, String candidateHash, List<WhatIfResult> results) {

    static WhatIfView of(WhatIfReport report) {
        return new WhatIfView(report.blocked(), report.flipped(), report.candidate(), report.candidateHash(),
                report.results());
    }
}
