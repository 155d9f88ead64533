package dev.greenlight.gate.decision.kafka;

/**
 * Keys of the evaluator's state stores. Everything about a target shares the prefix
 * {@code target + US}, so one prefix scan finds a target's releases or evidence; the ASCII unit
 * separator cannot appear in a target, version or event id typed by a person. Wake-up keys start
 * with the zero-padded epoch millisecond so a range scan up to "now" finds exactly the due ones.
 */
final class StoreKeys {

    static final char SEPARATOR = '\u001f';

    private StoreKeys() {
    }

    static String targetPrefix(String target) {
        return target + SEPARATOR;
    }

    static String release(String target, String version) {
        return targetPrefix(target) + version;
    }

    /** The target a release key belongs to. */
    static String targetOf(String releaseKey) {
        return releaseKey.substring(0, releaseKey.indexOf(SEPARATOR));
    }

    /** The version a release key names. */
    static String versionOf(String releaseKey) {
        return releaseKey.substring(releaseKey.indexOf(SEPARATOR) + 1);
    }

    static String evidence(String target, String eventId) {
        return targetPrefix(target) + eventId;
    }

    static String decision(String releaseKey, String stage) {
        return releaseKey + SEPARATOR + stage;
    }

    static String wakeUp(long epochMilli, String releaseKey) {
        return String.format("%019d", epochMilli) + SEPARATOR + releaseKey;
    }

    /** Upper bound (inclusive) of the wake-up keys due at {@code epochMilli}. */
    static String wakeUpsDueBy(long epochMilli) {
        return String.format("%019d", epochMilli) + SEPARATOR + '\uffff';
    }
}
