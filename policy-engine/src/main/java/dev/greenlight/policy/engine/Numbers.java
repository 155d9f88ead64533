package dev.greenlight.policy.engine;

import java.math.BigDecimal;

/** Renders numbers without binary noise or a trailing ".0", so reasons read like the policy. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
