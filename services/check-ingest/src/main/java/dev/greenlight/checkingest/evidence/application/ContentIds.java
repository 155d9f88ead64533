package dev.greenlight.checkingest.evidence.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Event ids derived from content: a client that retries a request without an idempotency key of
 * its own still produces the same ids, so consumers drop the repeats.
 *
 * <p>The id is {@link UUID#nameUUIDFromBytes} (a version 3 UUID, MD5) of the parts' string forms,
 * each followed by a newline — and must stay exactly that, or a retry across an upgrade would get a
 * new id. It is computed on every sample of every request (a batch of 100 computes 100), where the
 * JDK's way showed up first in ingest profiles: {@link Instant#toString} through the general
 * formatter, and a fresh {@code MessageDigest} from the provider registry per id. So instants in
 * the common range are written directly ({@link #appendInstant}, the same text as
 * {@link Instant#toString}, checked against it by {@code ContentIdsTest}) and each thread keeps its
 * digest and its buffers ({@link Scratch}).
 */
final class ContentIds {

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private ContentIds() {
    }

    static String of(Object... parts) {
        Scratch scratch = SCRATCH.get();
        StringBuilder content = scratch.content;
        content.setLength(0);
        for (Object part : parts) {
            if (part instanceof Instant instant) {
                appendInstant(content, instant);
            } else if (part instanceof Double number) {
                content.append(number.doubleValue()); // the text of String.valueOf(double), unboxed
            } else if (part != null) {
                content.append(part);
            }
            content.append('\n');
        }
        MessageDigest md5 = scratch.md5;
        md5.reset();
        scratch.update(md5);
        byte[] hash = md5.digest();
        // As UUID.nameUUIDFromBytes: version 3, IETF variant.
        hash[6] &= 0x0f;
        hash[6] |= 0x30;
        hash[8] &= 0x3f;
        hash[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (hash[i] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }

    /**
     * Appends {@code instant} exactly as {@link Instant#toString} writes it
     * ({@code 2026-11-22T10:15:30Z}, a fraction of 3, 6 or 9 digits when not zero) for years 1970
     * to 9999, and falls back to {@link Instant#toString} outside them.
     */
    static void appendInstant(StringBuilder out, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= 253_402_300_800L) { // 10000-01-01T00:00:00Z
            out.append(instant);
            return;
        }
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // Days since 1970-01-01 to a proleptic Gregorian date (as LocalDate.ofEpochDay).
        long zeroDay = days + 719_528L - 60L;
        long yearEst = (400 * zeroDay + 591) / 146_097;
        long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
        if (doyEst < 0) {
            yearEst--;
            doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
        }
        int marchDoy0 = (int) doyEst;
        int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
        int month = (marchMonth0 + 2) % 12 + 1;
        int day = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
        long year = yearEst + marchMonth0 / 10;
        digits(out, (int) year, 4).append('-');
        digits(out, month, 2).append('-');
        digits(out, day, 2).append('T');
        digits(out, secondOfDay / 3600, 2).append(':');
        digits(out, secondOfDay / 60 % 60, 2).append(':');
        digits(out, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(out, nanos / 1000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        out.append('Z');
    }

    /**
     * This thread's digest and buffers: the content is written into the same builder and its UTF-8
     * bytes into the same array for every id (ASCII, the usual case, copied directly; anything else
     * encoded by {@link String#getBytes}), so an id allocates little more than its own text.
     */
    private static final class Scratch {

        private final StringBuilder content = new StringBuilder(256);
        private final MessageDigest md5;
        private byte[] bytes = new byte[256];

        Scratch() {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has MD5", e);
            }
        }

        /** Feeds the content's UTF-8 bytes, exactly, to {@code md5}. */
        void update(MessageDigest md5) {
            int length = content.length();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            for (int i = 0; i < length; i++) {
                char c = content.charAt(i);
                if (c >= 0x80) {
                    md5.update(content.toString().getBytes(StandardCharsets.UTF_8));
                    return;
                }
                bytes[i] = (byte) c;
            }
            md5.update(bytes, 0, length);
        }
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        char[] text = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return out.append(text);
    }
}
