package io.keyshard.wire;

/**
 * One message of a threshold-ECDSA (DKLs23) signing as it travels through the coordinator: a broadcast
 * ({@code recipient} {@link #BROADCAST}, {@code body} the message in the clear) or a point-to-point message
 * ({@code body} HPKE-sealed to the recipient under {@link DklsTranscript#sealContext}), both hex and signed by
 * the sender's identity key over {@link DklsTranscript#signed}.
 */
public record DklsMessage(int sender, int recipient, String body, String signature) {
    /** The recipient of a message every signer gets. */
    public static final int BROADCAST = 0;
}
