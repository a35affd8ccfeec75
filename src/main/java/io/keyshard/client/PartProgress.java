package io.keyshard.client;

/**
 * Which threshold signing of a payload is starting: a PSBT signs each input of the key in turn.
 *
 * @param number      the signing starting, from 1
 * @param count       how many the payload needs
 * @param description what it signs, as the signing history words it (e.g. "PSBT input 2 (P2WPKH, 50000 sat)")
 */
public record PartProgress(int number, int count, String description) {}
