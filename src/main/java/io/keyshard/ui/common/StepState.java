package io.keyshard.ui.common;

/** Where one server is in one phase of a run on the servers (key generation, signing), as a progress grid shows it. */
public enum StepState {
    WAITING,
    SENT,
    DONE,
    FAILED
}
