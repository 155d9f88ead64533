package dev.greenlight.console.board.web;

/** {@code target@version} split at its last {@code @} (versions never hold one; targets neither). */
public record ReleaseIds(String target, String version) {

    /** The parts of {@code id}, or null when it is not {@code target@version}. */
    public static ReleaseIds parse(String id) {
        int at = id == null ? -1 : id.lastIndexOf('@');
        if (at <= 0 || at == id.length() - 1) {
            return null;
        }
        return new ReleaseIds(id.substring(0, at), id.substring(at + 1));
    }
}
