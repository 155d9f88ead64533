package dev.greenlight.ledger.evidence.application;

import dev.greenlight.ledger.evidence.domain.EvidenceBundle;

/**
 * The Markdown report wrapped as a standalone HTML page for a browser or an attachment: the text is
 * HTML-escaped and shown preformatted, so nothing recorded can inject markup, and the page needs no
 * Markdown library. Markdown stays the canonical readable form.
 */
public final class EvidenceHtml {

    private EvidenceHtml() {
    }

    public static String render(EvidenceBundle bundle) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Release evidence: "
                + escape(bundle.release()) + "</title>\n<style>body{font-family:sans-serif;margin:2em}"
                + "pre{white-space:pre-wrap;font-size:13px}</style></head>\n<body><pre>"
                + escape(EvidenceMarkdown.render(bundle)) + "</pre></body></html>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
