package io.keyshard.pairwise;

import io.keyshard.dkls.OtSeeds;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * What one server keeps for one peer of a key: the OT-extension seeds with itself as extension (and
 * multiplication) sender and as receiver, and the pair's zero-sharing seed. {@link #destroy()} wipes them.
 */
public record PairSeeds(int peer, OtSeeds asSender, OtSeeds asReceiver, byte[] zeroSeed) implements Destroyable {
    public PairSeeds {
        if (!asSender.isSender() || asReceiver.isSender() || zeroSeed.length != 32) {
            throw new IllegalArgumentException("pair seeds need sender seeds, receiver seeds and a 32-byte zero seed");
        }
    }

    @Override
    public void destroy() {
        asSender.burn();
        asReceiver.burn();
        Arrays.fill(zeroSeed, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return asSender.isBurned() && asReceiver.isBurned();
    }
}
