package dev.greenlight.rollout.web;

/** A manual command arrived without an authenticated principal. */
class UnauthenticatedException extends RuntimeException {

    UnauthenticatedException() {
        super("manual rollout commands need an authenticated user");
    }
}
