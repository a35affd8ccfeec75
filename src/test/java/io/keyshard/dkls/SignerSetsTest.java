package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.pairwise.PairSeeds;
import io.keyshard.pairwise.SetupParty;
import io.keyshard.pairwise.TestIdentities;
import io.keyshard.sign.EcdsaVerifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Threshold ECDSA in memory (the pure dkls and pairwise code, no node) for the shapes a deployment uses:
 * 2-of-2, 2-of-3, 3-of-3, 3-of-5 (over a real pairwise setup) and 5-of-7, each signer set size from t to n
 * (every set where there are at most three of a size, else the first and the last), under a derived key, and digests with
 * the high bit set or zero-padded on every curve (P-521 with its 521-bit order). Every signature must be
 * the same at every signer, verify with Bouncy Castle's and the JDK's ECDSA verifiers, and on secp256k1
 * be low-s with a recovery id that recovers the derived key.
 */
class SignerSetsTest {
    /** The 3-of-5 key's pairs run the real pairwise setup (base OTs, zero seeds); the others' seeds are dealt. */
    @ParameterizedTest(name = "{0}-of-{1}, pairwise setup run: {2}")
    @CsvSource({"2,2,false", "2,3,false", "3,3,false", "3,5,true", "5,7,false"})
    void everySignerSetSizeFromTToNSignsUnderADerivedKey(int t, int n, boolean setup) throws Exception {
        CurveName curve = CurveName.SECP256K1;
        Committee c = new Committee(Group.of(curve), t, n, false, "sets " + t + "/" + n);
        if (setup) {
            c.useSetups(pairwiseSetup(curve, n, c.random));
        }
        c.derive(c.g.randomNonZero(c.random));
        int signed = 0;
        for (int size = t; size <= n; size++) {
            for (List<Integer> set : sample(SigningTest.subsets(n, size))) {
                byte[] digest = new byte[32];
                c.random.nextBytes(digest);
                check(c, curve, set, digest);
                signed++;
            }
        }
        assertTrue(signed >= n - t + 1, "at least one set of each size signed");
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void digestsWithTheHighBitSetOrZeroPaddedSignOnEveryCurve(CurveName curve) throws Exception {
        Committee c = new Committee(Group.of(curve), 2, 3, false, "digests " + curve);
        c.derive(c.g.randomNonZero(c.random));
        int length = EcdsaVerifiers.hash(curve, new byte[0]).length;
        byte[] high = new byte[length];
        high[0] = (byte) 0x80;
        byte[] ones = new byte[length];
        Arrays.fill(ones, (byte) 0xff);
        byte[] padded = new byte[length];
        padded[length - 1] = 1;
        byte[] halfPadded = ones.clone();
        Arrays.fill(halfPadded, 0, length / 2, (byte) 0);
        List<List<Integer>> sets = List.of(List.of(1, 3), List.of(1, 2, 3), List.of(2, 3), List.of(1, 2));
        List<byte[]> digests = List.of(high, ones, padded, halfPadded);
        for (int k = 0; k < digests.size(); k++) {
            check(c, curve, sets.get(k), digests.get(k));
        }
    }

    private static void check(Committee c, CurveName curve, List<Integer> set, byte[] digest) throws Exception {
        Map<Integer, EcdsaSignature> sigs = c.sign(set, digest, "session " + set + Hex.encode(digest));
        EcdsaSignature sig = sigs.get(set.get(0));
        assertEquals(set.size(), sigs.size());
        for (EcdsaSignature other : sigs.values()) {
            assertEquals(sig, other, "every signer ends with the same signature");
        }
        String key = Hex.encode(c.publicKey.encode());
        String der = Hex.encode(sig.der());
        String what = curve + " " + set + " over " + Hex.encode(digest);
        assertTrue(EcdsaVerifiers.bouncyCastle(curve, key, digest, der), "Bouncy Castle: " + what);
        assertTrue(EcdsaVerifiers.jca(curve, key, digest, der), "JCA: " + what);
        if (curve == CurveName.SECP256K1) {
            assertTrue(sig.s().compareTo(c.g.order().shiftRight(1)) <= 0, "low s: " + what);
            assertEquals(c.publicKey, SigningTest.recover(c.g, sig, digest), "the recovery id gives the key: " + what);
        }
    }

    /** Every set when there are at most three, else the first and the last. */
    private static List<List<Integer>> sample(List<List<Integer>> sets) {
        return sets.size() <= 3 ? sets : List.of(sets.get(0), sets.get(sets.size() - 1));
    }

    /** The three steps of {@link SetupParty} among servers 1..n, relayed in memory: what each server keeps per peer. */
    static Map<Integer, Map<Integer, PairSeeds>> pairwiseSetup(CurveName curve, int n, TestRandom random) {
        UUID keyId = new UUID(random.nextLong(), random.nextLong());
        UUID setupId = new UUID(random.nextLong(), random.nextLong());
        List<Integer> servers = new ArrayList<>();
        Map<Integer, SetupParty> parties = new HashMap<>();
        for (int i = 1; i <= n; i++) {
            servers.add(i);
        }
        for (int i : servers) {
            parties.put(i, new SetupParty(curve, setupId, i, TestIdentities.of(servers), random));
        }
        Map<Integer, Map<Integer, byte[]>> one = new HashMap<>();
        servers.forEach(i -> one.put(i, parties.get(i).start()));
        Map<Integer, Map<Integer, byte[]>> two = new HashMap<>();
        servers.forEach(i -> two.put(i, parties.get(i).answer(addressedTo(i, one))));
        Map<Integer, Map<Integer, PairSeeds>> out = new HashMap<>();
        servers.forEach(i -> out.put(i, parties.get(i).finish(addressedTo(i, two))));
        return out;
    }

    private static Map<Integer, byte[]> addressedTo(int i, Map<Integer, Map<Integer, byte[]>> sent) {
        Map<Integer, byte[]> in = new HashMap<>();
        sent.forEach((from, byPeer) -> {
            if (from != i) {
                in.put(from, byPeer.get(i));
            }
        });
        return in;
    }
}
