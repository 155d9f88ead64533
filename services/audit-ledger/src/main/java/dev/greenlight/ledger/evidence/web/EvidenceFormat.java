package dev.greenlight.ledger.evidence.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

/** The renderings of an evidence bundle, and how a request picks one. */
enum EvidenceFormat {
    JSON(MediaType.APPLICATION_JSON),
    MARKDOWN(MediaType.parseMediaType("text/markdown;charset=UTF-8")),
    HTML(MediaType.parseMediaType("text/html;charset=UTF-8"));

    private final MediaType mediaType;

    EvidenceFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** {@code ?format=} wins; else the first renderable type in {@code Accept} (by quality); else JSON. */
    static EvidenceFormat choose(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "markdown", "md" -> MARKDOWN;
                case "html" -> HTML;
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "format must be json, markdown or html, not '" + format + "'");
            };
        }
        if (accept != null) {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                for (EvidenceFormat candidate : values()) {
                    if (type.isWildcardType()) {
                        return JSON;
                    }
                    if (type.includes(candidate.mediaType)) {
                        return candidate;
                    }
                }
            }
        }
        return JSON;
    }
}
