package io.keyshard.frost;

import io.keyshard.curve.Point;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The public side of a key, what a coordinator checks shares with: every verification share by identifier, and the group key. */
public record PublicKeyPackage(Map<Integer, Point> verifyingShares, Point groupKey) {
    public PublicKeyPackage {
        verifyingShares = Collections.unmodifiableMap(new TreeMap<>(verifyingShares));
    }
}
