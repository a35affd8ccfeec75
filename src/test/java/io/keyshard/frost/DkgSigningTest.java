package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.BitcoinAddresses;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import io.keyshard.dkg.InMemoryDkg;
import io.keyshard.dkg.Lagrange;
import io.keyshard.dkg.Round3Output;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Shares from the project's own key generation sign with FROST, and the signatures verify under its agreed key. */
class DkgSigningTest {
    private static final byte[] MSG = "keyshard dkg output signs".getBytes(StandardCharsets.UTF_8);

    private record Shared(Map<Integer, KeyPackage> keys, PublicKeyPackage pub, byte[] rootPublicKey) {}

    private static Shared keygen(Ciphersuite suite, int t, List<Integer> ids) {
        CurveName name = suite.curve().name();
        InMemoryDkg.Run run = InMemoryDkg.run(name, t, ids);
        Curve curve = suite.curve();
        Map<Integer, Point> shares = new TreeMap<>();
        run.outputs()
                .values()
                .iterator()
                .next()
                .message()
                .verificationShares()
                .forEach((id, enc) -> shares.put(id, curve.decodePoint(enc)));
        List<Integer> first = ids.subList(0, t);
        BigInteger[] lambdas = new BigInteger[t];
        Point[] points = new Point[t];
        for (int k = 0; k < t; k++) {
            lambdas[k] = Lagrange.coefficient(curve.order(), first, first.get(k), 0);
            points[k] = shares.get(first.get(k));
        }
        Point groupKey = curve.multiSum(lambdas, points);
        Map<Integer, KeyPackage> keys = new TreeMap<>();
        for (Map.Entry<Integer, Round3Output> e : run.outputs().entrySet()) {
            byte[] enc = e.getValue().share().encoded();
            keys.put(
                    e.getKey(),
                    new KeyPackage(e.getKey(), suite.deserializeScalar(enc), shares.get(e.getKey()), groupKey, t));
            Arrays.fill(enc, (byte) 0);
            e.getValue().share().destroy();
        }
        return new Shared(
                keys, new PublicKeyPackage(shares, groupKey, t), run.agreed().rootPublicKey());
    }

    @ParameterizedTest
    @EnumSource(
            value = Ciphersuite.class,
            names = {"ED25519_SHA512", "ED448_SHAKE256", "SECP256K1_TR"})
    void aKeyFromTheDkgSignsWithEveryPairOfItsServers(Ciphersuite suite) {
        Shared key = keygen(suite, 2, List.of(1, 2, 3));
        assertArrayEquals(
                key.rootPublicKey(), suite.curve().encodePublicKey(key.pub().groupKey()));
        for (List<Integer> ids : Dealer.subsets(3, 2)) {
            List<KeyPackage> signers = new ArrayList<>();
            ids.forEach(i -> signers.add(key.keys().get(i)));
            byte[] sig = Dealer.sign(suite, signers, key.pub(), MSG).encode(suite);
            assertTrue(
                    StandardVerifiers.accepts(suite, suite.curve().decodePublicKey(key.rootPublicKey()), MSG, sig),
                    "signers " + ids);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Ciphersuite.class,
            names = {"SECP256K1_TR"})
    void aTaprootKeyFromTheDkgSignsForItsP2trAddress(Ciphersuite suite) {
        Shared key = keygen(suite, 3, List.of(1, 2, 3, 4, 5));
        Point internal = suite.curve().decodePublicKey(key.rootPublicKey());
        String output = BitcoinAddresses.p2tr(CurveName.SECP256K1_SCHNORR, internal, Network.TESTNET)
                .details()
                .get("outputKey");
        PublicKeyPackage tweaked = Tweaks.taproot(key.pub(), null);
        assertEquals(output, Hex.toHexString(Bip340.x(tweaked.groupKey())));
        List<KeyPackage> signers = List.of(1, 3, 4).stream()
                .map(i -> Tweaks.taproot(key.keys().get(i), null))
                .toList();
        byte[] sig = Dealer.sign(suite, signers, tweaked, MSG).encode(suite);
        assertTrue(Bip340.verify(Hex.decode(output), MSG, sig));
    }
}
