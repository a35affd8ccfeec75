package io.keyshard.wire;

/**
 * One message of a threshold-ECDSA (DKLs23) signing as it travels through the coordinator: a broadcast
 * ({@code recipient} {@link #BROADCAST}, {@code body} the message in the clear) or a point-to-point message
 * ({@code body} HPKE-sealed to the recipient under its pair's context, {@link DklsTranscript#pairContext}, with
 * associated data {@link DklsTranscript#sealContext}: {@code enc ‖ ciphertext} in round 1, the ciphertext
 * alone in round 2), signed by the
 * sender's identity key over {@link DklsTranscript#signed}. Body and signature are bytes, base64 in JSON:
 * Jackson decodes and encodes them straight from and into the stream, with no text copy of a ~100 kB body.
 * Nothing compares messages, so the arrays keep the record's identity equality.
 */
public record DklsMessage(int sender, int recipient, byte[] body, byte[] signature) {
    /** The recipient of a message every signer gets. */
    public static final int BROADCAST = 0;
}
