package dev.greenlight.checkingest.release.web;

import dev.greenlight.checkingest.release.application.RegisterRelease;
import dev.greenlight.checkingest.release.application.Registration;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.checkingest.release.domain.ReleaseCandidate;
import dev.greenlight.checkingest.release.domain.SemanticVersion;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.security.Actor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration of release candidates: the first fact Greenlight learns about a release. */
@RestController
@RequestMapping("/api/v1/releases")
class ReleaseController {

    private static final String RELEASE_TYPES =
            Arrays.stream(ReleaseType.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final RegisterRelease registerRelease;

    ReleaseController(RegisterRelease registerRelease) {
        this.registerRelease = registerRelease;
    }

    /** 201 when this request registered the release, 200 when an identical registration existed. */
    @PostMapping
    ResponseEntity<ReleaseRegisteredResponse> register(@RequestBody RegisterReleaseRequest request, Actor actor) {
        ReleaseCandidate candidate = new ReleaseCandidate(request.target(), version("version", request.version()),
                type(request.type()), request.revision(), request.author(),
                Optional.ofNullable(request.changelog()), Optional.ofNullable(request.policy()),
                Optional.ofNullable(request.previousVersion()).map(v -> version("previousVersion", v)));
        Registration registration = registerRelease.register(candidate, actor);
        ReleaseRegistered event = registration.release();
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ReleaseRegisteredResponse(candidate.releaseId(), event.getTarget(), event.getVersion(),
                        event.getMeta().getEventId()));
    }

    private static SemanticVersion version(String field, String version) {
        if (version == null) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            return SemanticVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must follow Semantic Versioning 2.0.0: " + e.getMessage());
        }
    }

    private static ReleaseType type(String type) {
        if (type == null) {
            throw new InvalidFieldException("type", "is required, one of " + RELEASE_TYPES);
        }
        try {
            return ReleaseType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("type", "must be one of " + RELEASE_TYPES + " but was '" + type + "'");
        }
    }
}
