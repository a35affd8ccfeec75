package io.keyshard.dkls;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Runs the pairwise OT setup of DKLs23 in memory, for tests: base OTs turned into extension seeds. */
final class Pairs {
    private Pairs() {
    }

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
}
