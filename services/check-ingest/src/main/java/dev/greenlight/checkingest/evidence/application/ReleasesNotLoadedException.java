package dev.greenlight.checkingest.evidence.application;

/**
 * The release directory has not finished reading the releases topic, so "unknown release" could be
 * wrong: the client is told to retry (503) rather than told a falsehood (404).
 */
public class ReleasesNotLoadedException extends RuntimeException {

    public ReleasesNotLoadedException() {
        super("the release directory is still loading; retry shortly");
    }
}
