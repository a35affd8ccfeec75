package io.keyshard.dkls;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Runs the pairwise OT setup of DKLs23 in memory, for tests: base OTs turned into extension seeds. */
public final class Pairs {
    private Pairs() {}

    /** Seeds of one ordered pair: {@code [0]} for the extension sender (Alice), {@code [1]} for the receiver (Bob). */
    static OtSeeds[] setup(Group g, int alice, int bob, SecureRandom random) {
        byte[] sid = ("setup " + alice + "->" + bob).getBytes(StandardCharsets.US_ASCII);
        boolean[] delta = new boolean[Group.KAPPA];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = random.nextBoolean();
        }
        EndemicOt.Sender baseSender = new EndemicOt.Sender(g, sid, bob, alice, random);
        EndemicOt.Receiver baseReceiver = new EndemicOt.Receiver(g, sid, alice, bob, delta, random);
        byte[][][] pads = baseSender.finish(baseReceiver.message(), Group.KAPPA);
        byte[][] chosen = baseReceiver.finish(baseSender.message());
        return new OtSeeds[] {OtSeeds.forSender(delta, chosen), OtSeeds.forReceiver(pads)};
    }

    /**
     * Seeds of one ordered pair as the base OTs would leave them, dealt by the test: the extension
     * does not depend on how they were made, and the base OT is tested on its own.
     */
    public static OtSeeds[] dealt(SecureRandom random) {
        boolean[] delta = new boolean[Group.KAPPA];
        byte[][][] pads = new byte[Group.KAPPA][2][EndemicOt.PAD_LENGTH];
        byte[][] chosen = new byte[Group.KAPPA][];
        for (int l = 0; l < Group.KAPPA; l++) {
            delta[l] = random.nextBoolean();
            random.nextBytes(pads[l][0]);
            random.nextBytes(pads[l][1]);
            chosen[l] = pads[l][delta[l] ? 1 : 0].clone();
        }
        return new OtSeeds[] {OtSeeds.forSender(delta, chosen), OtSeeds.forReceiver(pads)};
    }
}
