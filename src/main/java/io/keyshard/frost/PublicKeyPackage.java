package io.keyshard.frost;

import io.keyshard.curve.Point;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public side of a key, what a coordinator checks shares with: every verification share by
 * identifier, the group key and the threshold.
 */
public record PublicKeyPackage(Map<Integer, Point> verifyingShares, Point groupKey, int minSigners) {
    public PublicKeyPackage {
        verifyingShares = Collections.unmodifiableMap(new TreeMap<>(verifyingShares));
        if (minSigners < 1 || minSigners > verifyingShares.size()) {
            throw new IllegalArgumentException("the threshold must be between 1 and the " + verifyingShares.size()
                    + " verification shares, got " + minSigners);
        }
    }

    /** The same key with other verification shares and group key (a tweak or a negation). */
    PublicKeyPackage with(Map<Integer, Point> shares, Point key) {
        return new PublicKeyPackage(shares, key, minSigners);
    }
}
