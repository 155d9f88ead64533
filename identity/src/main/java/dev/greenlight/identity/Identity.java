package dev.greenlight.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name that gates something (a release author, an approver, a users-file name, a JWT name
 * claim), in the one canonical form every comparison uses: Unicode NFKC, trimmed, runs of spaces
 * collapsed, case-folded ({@code toLowerCase(Locale.ROOT)} then NFKC again). So {@code bob},
 * {@code " Bob "}, {@code BOB} and the fullwidth {@code ｂｏｂ} are one identity.
 *
 * <p>Characters that make two names look alike while differing, or hide part of a name, are
 * refused rather than normalised away: control characters, bidi controls (U+202A–U+202E,
 * U+2066–U+2069, U+200E/F, U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and
 * every other format character, private-use, unassigned and surrogate code points, line and
 * paragraph separators, and invisible fillers and variation selectors. {@link #of} is the strict
 * door for names entering the system; {@link #comparisonKey} is the lenient form used when
 * comparing names already on record (e.g. forged or historical events), which drops such
 * characters instead of failing, so a hidden character never separates two names.
 *
 * <p>Pure Java (no ICU, no framework): the policy engine, the platform and every service share it.
 */
public record Identity(String canonical) {

    /** Longest accepted name, in code points after normalisation. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public Identity {
        String problem = problem(canonical).orElse(null);
        if (problem != null || !canonical.equals(fold(canonical))) {
            throw new InvalidIdentityException(problem != null ? problem : "is not in canonical form");
        }
    }

    /** The canonical identity of {@code raw}; {@link InvalidIdentityException} says why not. */
    public static Identity of(String raw) {
        String problem = problem(raw).orElse(null);
        if (problem != null) {
            throw new InvalidIdentityException(problem);
        }
        return new Identity(fold(raw));
    }

    /** Why {@code raw} is not an acceptable name, or empty when it is. */
    public static Optional<String> problem(String raw) {
        if (raw == null) {
            return Optional.of("is missing");
        }
        if (printableAscii(raw)) {
            // No forbidden character can be in it, and it is its own NFKC form: only blank and length remain.
            String folded = foldAscii(raw);
            return folded.isEmpty() ? Optional.of("is blank")
                    : folded.length() > MAX_LENGTH ? Optional.of("is longer than " + MAX_LENGTH + " characters")
                    : Optional.empty();
        }
        int[] codePoints = raw.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            String why = forbidden(codePoints[i]);
            if (why != null) {
                return Optional.of(String.format("contains %s U+%04X at position %d", why, codePoints[i], i));
            }
        }
        String folded = fold(raw);
        if (folded.isEmpty()) {
            return Optional.of("is blank");
        }
        for (int cp : folded.codePoints().toArray()) {
            String why = forbidden(cp);
            if (why != null) {
                return Optional.of(String.format("normalises to %s U+%04X", why, cp));
            }
        }
        if (folded.codePointCount(0, folded.length()) > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** Whether {@code raw} is an acceptable name. */
    public static boolean valid(String raw) {
        return problem(raw).isEmpty();
    }

    /**
     * The comparison form of any recorded name, never failing: forbidden characters are dropped,
     * then the name is folded like {@link #of}. Null becomes the empty string, which matches no one.
     */
    public static String comparisonKey(String raw) {
        if (raw == null) {
            return "";
        }
        if (printableAscii(raw)) {
            return foldAscii(raw);
        }
        StringBuilder kept = new StringBuilder();
        raw.codePoints().filter(cp -> forbidden(cp) == null).forEach(kept::appendCodePoint);
        String folded = fold(kept.toString());
        StringBuilder again = new StringBuilder();
        folded.codePoints().filter(cp -> forbidden(cp) == null).forEach(again::appendCodePoint);
        return again.toString();
    }

    /** Whether two recorded names denote the same identity (lenient; blank matches nothing). */
    public static boolean same(String a, String b) {
        String key = comparisonKey(a);
        return !key.isEmpty() && key.equals(comparisonKey(b));
    }

    /** Whether {@code raw} denotes this identity. */
    public boolean sameAs(String raw) {
        return canonical.equals(comparisonKey(raw));
    }

    @Override
    public String toString() {
        return canonical;
    }

    private static String fold(String raw) {
        return printableAscii(raw) ? foldAscii(raw) : foldUnicode(raw);
    }

    /**
     * Whether {@code raw} is printable ASCII only (U+0020 to U+007E), as nearly every name is. Such a
     * name holds no forbidden character and is its own NFKC form, so folding it is lower-casing,
     * trimming and collapsing spaces — the same result as {@link #foldUnicode} (a test compares them),
     * without two Unicode normalisations and a regex on every authenticated request.
     */
    private static boolean printableAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String foldAscii(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT).strip();
        if (lower.indexOf("  ") < 0) {
            return lower;
        }
        StringBuilder collapsed = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c != ' ' || collapsed.charAt(collapsed.length() - 1) != ' ') {
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }

    /** The general fold: NFKC, lower case, NFKC again, trimmed, runs of white space as one space. */
    static String foldUnicode(String raw) {
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        String lower = Normalizer.normalize(nfkc.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        return WHITESPACE.matcher(lower.strip()).replaceAll(" ");
    }

    private static String forbidden(int cp) {
        if (isBidiControl(cp)) {
            return "bidi control character";
        }
        if (isZeroWidth(cp)) {
            return "zero-width character";
        }
        if (isInvisibleFiller(cp)) {
            return "invisible character";
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> cp == '\t' ? "tab" : "control character";
            case Character.FORMAT -> "format (invisible) character";
            case Character.PRIVATE_USE -> "private-use character";
            case Character.UNASSIGNED -> "unassigned code point";
            case Character.SURROGATE -> "unpaired surrogate";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "line or paragraph separator";
            default -> null;
        };
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    private static boolean isZeroWidth(int cp) {
        return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
    }

    /** Default-ignorable or blank-looking code points that are letters or marks by category. */
    private static boolean isInvisibleFiller(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x17B4
                || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x2800;
    }
}
