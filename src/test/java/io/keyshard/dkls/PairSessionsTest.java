package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import io.keyshard.pairwise.SetupParty;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignTranscript;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One pair's seeds serve every key of its two servers: what keeps two keys' signings apart is the signing's
 * session (the request hash: signId, keyId, path, signer set, digest), which keys every OT extension,
 * multiplication and zero share; and a pair's setup sessions bind the two servers' identity keys, not a key.
 */
class PairSessionsTest {
    private static final List<Integer> SIGNERS = List.of(1, 2);
    private static final String DIGEST = "11".repeat(32);

    @Test
    void twoKeysSigningsOverOnePairHaveDifferentSessionsAndZeroShares() {
        UUID signId = UUID.randomUUID();
        byte[] one = session(signId, UUID.randomUUID());
        byte[] two = session(signId, UUID.randomUUID());
        assertFalse(Arrays.equals(one, two), "the keyId is in the signing's session");

        Group g = Group.of(CurveName.SECP256K1);
        byte[] seed = new byte[ZeroSharing.SEED_LENGTH];
        new TestRandom("pair zero seed").nextBytes(seed);
        ZeroSharing at1 = new ZeroSharing(1, Map.of(2, seed));
        ZeroSharing at2 = new ZeroSharing(2, Map.of(1, seed));
        Scalar first = at1.share(g, one, SIGNERS);
        Scalar second = at1.share(g, two, SIGNERS);
        assertFalse(first.sameValue(second), "the pair's zero shares differ between the keys' signings");
        assertTrue(first.add(at2.share(g, one, SIGNERS)).sameValue(g.field().zero()), "still shares of zero");
    }

    @Test
    void aMultiplicationOfOneKeysSigningAnsweredInAnotherKeysFailsItsCheckAndBurnsThePair() {
        Group g = Group.of(CurveName.SECP256K1);
        TestRandom random = new TestRandom("pair sessions rvole");
        OtSeeds[] seeds = Pairs.setup(g, 1, 2, random);
        UUID signId = UUID.randomUUID();
        byte[] k1 = pairSession(session(signId, UUID.randomUUID()));
        byte[] k2 = pairSession(session(signId, UUID.randomUUID()));
        Rvole.Receiver bob = new Rvole.Receiver(g, k1, 1, seeds[1], 2, random);
        ProtocolAbort e = assertThrows(
                ProtocolAbort.class,
                () -> Rvole.send(
                        g, k2, 2, seeds[0], new Scalar[] {g.random(random), g.random(random)}, bob.message(), random));
        assertEquals(Check.OT_EXTENSION_CONSISTENCY, e.check());
        assertTrue(e.check().burnsSetup());
        assertTrue(seeds[0].isBurned(), "the failed check burns the pair, for every key of its servers");
    }

    @Test
    void aPairsSetupSessionBindsCurveSetupAndBothIdentityKeysInOrder() {
        UUID setupId = UUID.randomUUID();
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) 1);
        byte[] s = SetupParty.pairSession("ot", CurveName.P256, setupId, 1, a, 2, b);
        assertArrayEquals(s, SetupParty.pairSession("ot", CurveName.P256, setupId, 1, a.clone(), 2, b.clone()));
        byte[] c = b.clone();
        c[31] ^= 1;
        assertFalse(Arrays.equals(s, SetupParty.pairSession("ot", CurveName.P256, setupId, 1, a, 2, c)));
        assertFalse(Arrays.equals(s, SetupParty.pairSession("ot", CurveName.P256, setupId, 2, b, 1, a)));
        assertFalse(Arrays.equals(s, SetupParty.pairSession("ot", CurveName.SECP256K1, setupId, 1, a, 2, b)));
        assertFalse(Arrays.equals(s, SetupParty.pairSession("ot", CurveName.P256, UUID.randomUUID(), 1, a, 2, b)));
    }

    /** The signing's session as the node gives it to DKLs23: the request hash. */
    private static byte[] session(UUID signId, UUID keyId) {
        SignRound1Request r = new SignRound1Request(keyId.toString(), "m/0", "", SIGNERS, DIGEST);
        return SignTranscript.requestHash(signId, r, Hex.decode(DIGEST, "digest"));
    }

    /** The multiplication's session of the ordered pair (Bob 2, Alice 1), as {@link Signer} derives it. */
    private static byte[] pairSession(byte[] session) {
        return Oracle.hash32("sign-pair", session, Oracle.u32(2), Oracle.u32(1));
    }
}
