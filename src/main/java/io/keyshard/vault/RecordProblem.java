package io.keyshard.vault;

/**
 * A record the vault could not read back as written (modified, swapped, rolled back or missing),
 * named by its row number since a keyId never goes into a message.
 *
 * @param recordNumber the row number shown to the user, or 0 for the vault's index itself
 * @param message      what is wrong, fit to show
 */
public record RecordProblem(long recordNumber, String message) {}
