package io.keyshard.address;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;

/** Turns a public key into a chain's address ({@code COMPUTE_<CHAIN>_ADDRESS}). */
@FunctionalInterface
public interface AddressEncoder {
    Address encode(CurveName curve, Point publicKey, Network network);
}
