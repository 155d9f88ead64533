package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.checkingest.release.application.NotPermittedException;
import dev.greenlight.platform.security.Actor;

/** A publisher may only publish evidence about the targets it is scoped to. */
public final class PublisherScope {

    private PublisherScope() {
    }

    public static void require(Actor actor, String target) {
        if (!actor.mayPublishFor(target)) {
            throw new NotPermittedException(actor.name() + " may not publish for target '" + target
                    + "': publisher scopes are " + actor.targets());
        }
    }
}
