package dev.greenlight.console.board.application;

/**
 * How far the console's projection has read: a console that has not yet read its topics up to the
 * end offsets they had when it started shows an incomplete board, so it is not ready (readiness
 * DOWN) and its pages say so with the number of records still to read.
 */
public interface ProjectionStatus {

    /** Every topic read up to its end offsets of start-up. */
    boolean caughtUp();

    /** Records still to read up to those end offsets; 0 once caught up, -1 while not known yet. */
    long lag();
}
