package io.keyshard.ui.wizard;

/** Where one server is in one stage of a key generation, as the Generating step shows it. */
public enum StepState {
    WAITING,
    SENT,
    DONE,
    FAILED
}
