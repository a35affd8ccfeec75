package io.keyshard.pairwise;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.dkls.Rvole;
import java.security.SecureRandom;

/** Test-only: whether two ends of an ordered pair hold matching OT-extension seeds, by one random VOLE over them. */
public final class SeedCheck {
    private SeedCheck() {}

    /**
     * Runs a multiplication with {@code alice} as extension sender and {@code bob} as receiver and returns
     * whether Alice's and Bob's shares add up to the products; a check failure (mismatched seeds) is false.
     */
    public static boolean correlated(
            CurveName curve, int alice, OtSeeds aliceAsSender, int bob, OtSeeds bobAsReceiver) {
        Group g = Group.of(curve);
        SecureRandom random = new SecureRandom();
        byte[] sid = new byte[32];
        random.nextBytes(sid);
        Scalar[] a = {g.random(random), g.random(random)};
        Rvole.Receiver receiver = new Rvole.Receiver(g, sid, alice, bobAsReceiver, 2, random);
        Rvole.SenderOutput sender;
        Scalar[] d;
        try {
            sender = Rvole.send(g, sid, bob, aliceAsSender, a, receiver.message(), random);
            d = receiver.finish(sender.message());
        } catch (RuntimeException e) {
            return false;
        }
        for (int k = 0; k < 2; k++) {
            if (!sender.shares()[k].add(d[k]).sameValue(receiver.b().multiply(a[k]))) {
                return false;
            }
        }
        return true;
    }
}
