package dev.greenlight.cli.demo;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

/**
 * The release the demo walks through the RL policy's gates. Each run gets its own target: the
 * scenario ends with the target's kill switch on (as the runbook leaves it, for a person to lift),
 * so a second run on the same target would stay frozen.
 *
 * @param target   matches the RL policy's {@code rl-policy*}
 * @param version  Semantic Versioning
 * @param revision the git commit every check must be reported for
 * @param author   who built it; never one of the approvers (four-eyes)
 */
record DemoRelease(String target, String version, String revision, String author) {

    static final String TARGET_PREFIX = "rl-policy-demo-";

    /** A fresh release named after the real start time, so runs sort in the ledger as they happened. */
    static DemoRelease fresh(Instant realNow, Random random) {
        byte[] commit = new byte[7];
        random.nextBytes(commit);
        return new DemoRelease(TARGET_PREFIX + Long.toString(realNow.getEpochSecond(), 36), "1.0.0",
                HexFormat.of().formatHex(commit), "alice");
    }

    String ref() {
        return target + "@" + version;
    }
}
