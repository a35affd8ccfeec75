package io.keyshard.curve;

import java.util.EnumMap;
import java.util.Map;

/** One shared, thread-safe instance per curve; tables are built once, on first use. */
final class Curves {
    private static final Map<CurveName, Curve> CACHE = new EnumMap<>(CurveName.class);

    private Curves() {}

    static synchronized Curve of(CurveName name) {
        return CACHE.computeIfAbsent(name, Curves::create);
    }

    private static Curve create(CurveName name) {
        return switch (name) {
            case SECP256K1, SECP256K1_SCHNORR -> new WeierstrassCurve(name, "secp256k1");
            case P256 -> new WeierstrassCurve(name, "secp256r1");
            case P384 -> new WeierstrassCurve(name, "secp384r1");
            case P521 -> new WeierstrassCurve(name, "secp521r1");
            case ED25519 -> EdwardsCurve.ed25519();
            case ED448 -> EdwardsCurve.ed448();
        };
    }
}
