package dev.greenlight.gate.integration.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The link a verdict carries: the release's full explanation (every stage, every criterion) on this service. */
final class ReleaseLinks {

    private ReleaseLinks() {
    }

    static String of(String target, String version) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/releases/{target}/{version}")
                .buildAndExpand(target, version).encode().toUriString();
    }
}
