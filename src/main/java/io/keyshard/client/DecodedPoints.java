package io.keyshard.client;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded public points of vault records by curve and hex: a pure function of public data, so shared by
 * every signing of the process; decoding each of a key's n verification shares with its subgroup check
 * was a visible part of the coordinator's time. Bounded, least recently used first out.
 */
final class DecodedPoints {
    private static final int MAX = 1024;
    private final Map<String, Point> points = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Point> eldest) {
            return size() > MAX;
        }
    };

    /** The point of {@code hex}; {@code publicKey}: in the curve's public-key encoding (x-only for BIP-340). */
    Point get(Curve curve, String hex, boolean publicKey) {
        String k = curve.name().apiName() + (publicKey ? ":key:" : ":point:") + hex;
        synchronized (points) {
            Point p = points.get(k);
            if (p != null) {
                return p;
            }
        }
        byte[] bytes = Hex.decode(hex, publicKey ? "rootPublicKey" : "verification share");
        Point p = publicKey ? curve.decodePublicKey(bytes) : curve.decodePoint(bytes);
        synchronized (points) {
            points.put(k, p);
        }
        return p;
    }
}
