package dev.greenlight.console.actions.web;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ApiAnswer;
import dev.greenlight.console.board.web.ReleaseIds;
import dev.greenlight.console.signin.web.CurrentUser;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ledger's documents a person opens from a page: a release's evidence bundle (JSON, Markdown,
 * HTML), a decision's signed attestation and the ledger export. A browser link cannot carry a
 * bearer token, so the console fetches them from the ledger's API with the person's own token and
 * hands them on unchanged (as a download, never rendered in the console's origin).
 */
@Controller
class LedgerDocuments {

    private static final Set<String> FORMATS = Set.of("json", "markdown", "html");

    private final Actions actions;
    private final CurrentUser users;

    LedgerDocuments(Actions actions, CurrentUser users) {
        this.actions = actions;
        this.users = users;
    }

    @GetMapping("/releases/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable String id, @RequestParam(defaultValue = "html") String format,
            Authentication auth) {
        ReleaseIds release = ReleaseIds.parse(id);
        if (release == null || !FORMATS.contains(format)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String extension = format.equals("markdown") ? "md" : format;
        return download(actions.ledgerDocument(users.of(auth), "/api/v1/ledger/releases/" + Actions.path(release.target())
                + "/" + Actions.path(release.version()) + "/evidence?format=" + format),
                "evidence-" + release.target() + "-" + release.version() + "." + extension);
    }

    @GetMapping("/attestations/{decisionId}")
    ResponseEntity<byte[]> attestation(@PathVariable String decisionId, Authentication auth) {
        return download(actions.ledgerDocument(users.of(auth), "/api/v1/ledger/attestations/" + Actions.path(decisionId)),
                "attestation-" + decisionId + ".json");
    }

    @GetMapping("/ledger/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String release, Authentication auth) {
        String query = release == null || release.isBlank() ? "" : "?release=" + Actions.query(release);
        return download(actions.ledgerDocument(users.of(auth), "/api/v1/ledger/export" + query),
                "ledger" + (query.isEmpty() ? "" : "-" + release.replaceAll("[^A-Za-z0-9._-]", "_")) + ".jsonl");
    }

    private static ResponseEntity<byte[]> download(ApiAnswer answer, String fileName) {
        if (!answer.ok()) {
            return ResponseEntity.status(answer.status()).contentType(MediaType.TEXT_PLAIN)
                    .body(("The ledger refused: " + answer.reason()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName.replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(answer.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                        : MediaType.parseMediaType(answer.contentType()))
                .body(answer.body());
    }
}
