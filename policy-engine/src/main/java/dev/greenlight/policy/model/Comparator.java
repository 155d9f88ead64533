package dev.greenlight.policy.model;

/** How an observed number is compared to a threshold; the symbol is what policies write. */
public enum Comparator {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("==");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double observed, double threshold) {
        return switch (this) {
            case LT -> observed < threshold;
            case LE -> observed <= threshold;
            case GT -> observed > threshold;
            case GE -> observed >= threshold;
            case EQ -> Double.compare(observed, threshold) == 0;
        };
    }

    public static Comparator fromSymbol(String symbol) {
        for (Comparator c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparator '" + symbol + "' (use <, <=, >, >=, ==)");
    }
}
