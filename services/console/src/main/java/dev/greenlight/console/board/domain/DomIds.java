package dev.greenlight.console.board.domain;

/** Release ids ({@code target@version}) as HTML ids and SSE event names: ASCII letters, digits, - and _ only. */
public final class DomIds {

    private DomIds() {
    }

    public static String of(String releaseId) {
        StringBuilder id = new StringBuilder("r-");
        for (char c : releaseId.toCharArray()) {
            id.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' ? c : '_');
        }
        return id.toString();
    }
}
