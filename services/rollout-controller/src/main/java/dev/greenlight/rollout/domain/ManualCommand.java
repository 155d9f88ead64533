package dev.greenlight.rollout.domain;

/** The commands a person may give a rollout; each has its own roles in the policy's rollout control. */
public enum ManualCommand {
    PROMOTE, PAUSE, RESUME, ABORT
}
