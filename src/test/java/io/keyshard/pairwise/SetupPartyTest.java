package io.keyshard.pairwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.dkls.Check;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.ProtocolAbort;
import io.keyshard.dkls.TestRandom;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SetupPartyTest {
    private static final List<Integer> IDS = List.of(1, 2, 3);

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void everyOrderedPairEndsWithMatchingSeedsAndEveryUnorderedPairWithOneZeroSeed(CurveName curve) {
        Map<Integer, Map<Integer, PairSeeds>> out = run(curve, parties(curve, UUID.randomUUID()), null);
        for (int i : IDS) {
            for (int j : IDS) {
                if (i == j) {
                    continue;
                }
                PairSeeds atI = out.get(i).get(j);
                PairSeeds atJ = out.get(j).get(i);
                assertTrue(SeedCheck.correlated(curve, i, atI.asSender(), j, atJ.asReceiver()), i + "->" + j);
                assertArrayEquals(atI.zeroSeed(), atJ.zeroSeed());
            }
        }
        assertFalse(
                Arrays.equals(out.get(1).get(2).zeroSeed(), out.get(1).get(3).zeroSeed()));
    }

    /**
     * The messages and the stored seeds of a setup under fixed randomness: the same bytes whatever the
     * arithmetic does inside (the wire format and the stored-seed format are fixed).
     */
    @ParameterizedTest
    @CsvSource({
        "SECP256K1, 084a3d5e808639c8f36d3ee73b0fb83405b5939e35964c9b37a9e094a12f000b",
        "P256, e127f16ad45ebbb5bd2c5d0640de8e92c17af168aadb42efecfcc7771c3ff773",
        "P384, f06e19bc80f8337ec899f71c4e39f6da849516664691b8df71ba455f3da59232",
        "P521, dd48c366c980d2025187e2eedad7504a3d5f7cae310537f74fa6c7b2cccc1ddf",
    })
    void aSetupUnderFixedRandomnessGivesKnownMessagesAndSeeds(CurveName curve, String expected) {
        UUID setupId = UUID.fromString("0b8e4d21-5a6c-4f3e-9d17-2e6a8c4b7f95");
        Map<Integer, SetupParty> parties = new TreeMap<>();
        for (int id : IDS) {
            parties.put(
                    id,
                    new SetupParty(curve, setupId, id, TestIdentities.of(IDS), new TestRandom(curve + " party " + id)));
        }
        SHA256Digest all = new SHA256Digest();
        Map<Integer, Map<Integer, PairSeeds>> out =
                run(curve, parties, (from, to, msg) -> all.update(msg, 0, msg.length));
        out.forEach((id, seeds) -> seeds.forEach((peer, s) -> {
            for (byte[] b : new byte[][] {s.asSender().encode(), s.asReceiver().encode(), s.zeroSeed()}) {
                all.update(b, 0, b.length);
            }
        }));
        byte[] digest = new byte[32];
        all.doFinal(digest, 0);
        assertEquals(expected, HexFormat.of().formatHex(digest));
    }

    /**
     * A P-384 or P-521 key's base OTs are P-256's (its seeds are checked against the key's own multiplication
     * in the first test): every step-1 message is a P-256 base OT message, as long as a P-256 setup's, and no
     * message of the key's own curve.
     */
    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"P384", "P521"})
    void theBaseOtsOfTheLongerCurvesRunOnP256(CurveName curve) {
        UUID setupId = UUID.randomUUID();
        Map<Integer, Map<Integer, byte[]>> longer = new TreeMap<>();
        parties(curve, setupId).forEach((id, p) -> longer.put(id, p.start()));
        Map<Integer, Map<Integer, byte[]>> p256 = new TreeMap<>();
        parties(CurveName.P256, setupId).forEach((id, p) -> p256.put(id, p.start()));
        DklsCodec onP256 = new DklsCodec(Group.of(CurveName.P256));
        DklsCodec onItsOwn = new DklsCodec(Group.of(curve));
        longer.forEach((from, msgs) -> msgs.forEach((to, m) -> {
            assertEquals(p256.get(from).get(to).length, m.length, from + "->" + to);
            byte[] baseOt = Fields.split(m, 2, from)[0];
            if (SetupParty.chooser(from, to) == from) {
                onP256.decodeBaseOtReceiver(baseOt, from);
                assertThrows(ProtocolAbort.class, () -> onItsOwn.decodeBaseOtReceiver(baseOt, from));
            } else {
                onP256.decodeBaseOtSender(baseOt, from);
                assertThrows(ProtocolAbort.class, () -> onItsOwn.decodeBaseOtSender(baseOt, from));
            }
        }));
        assertEquals(Group.of(CurveName.P256), Group.forBaseOts(curve));
        assertEquals(Group.of(CurveName.SECP256K1), Group.forBaseOts(CurveName.SECP256K1));
    }

    @Test
    void seedsOfTwoSetupsDoNotMatch() {
        CurveName curve = CurveName.SECP256K1;
        Map<Integer, Map<Integer, PairSeeds>> a = run(curve, parties(curve, UUID.randomUUID()), null);
        Map<Integer, Map<Integer, PairSeeds>> b = run(curve, parties(curve, UUID.randomUUID()), null);
        assertFalse(SeedCheck.correlated(
                curve, 1, a.get(1).get(2).asSender(), 2, b.get(2).get(1).asReceiver()));
    }

    @Test
    void aChangedBaseOtMessageAbortsNamingItsSender() {
        CurveName curve = CurveName.P256;
        Map<Integer, SetupParty> parties = parties(curve, UUID.randomUUID());
        ProtocolAbort e = assertThrows(
                ProtocolAbort.class,
                () -> run(curve, parties, (from, to, msg) -> {
                    if (from == 3 && to == 1) {
                        msg[msg.length - 40] ^= 1; // inside the last encryption proof of 3's base OT receiver message
                    }
                }));
        assertEquals(3, e.culprit());
        assertThrows(IllegalStateException.class, () -> parties.get(1).finish(Map.of()));
    }

    @Test
    void aWrongZeroSeedOpeningAbortsNamingItsSender() {
        CurveName curve = CurveName.SECP256K1;
        Map<Integer, SetupParty> parties = parties(curve, UUID.randomUUID());
        Map<Integer, Map<Integer, byte[]>> one = new TreeMap<>();
        parties.forEach((id, p) -> one.put(id, p.start()));
        Map<Integer, Map<Integer, byte[]>> two = new TreeMap<>();
        parties.forEach((id, p) -> two.put(id, p.answer(to(id, one))));
        two.get(2).get(1)[10] ^= 1;
        ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> parties.get(1).finish(to(1, two)));
        assertEquals(2, e.culprit());
        assertEquals(Check.COMMITMENT, e.check());
    }

    @Test
    void aChangedReversePairExtensionAbortsTheChooserNamingItsSender() {
        CurveName curve = CurveName.SECP256K1;
        assertEquals(1, SetupParty.chooser(1, 2), "1 holds Δ in the base OTs of 1 and 2; 2 sends the extension");
        Map<Integer, SetupParty> parties = parties(curve, UUID.randomUUID());
        Map<Integer, Map<Integer, byte[]>> one = new TreeMap<>();
        parties.forEach((id, p) -> one.put(id, p.start()));
        Map<Integer, Map<Integer, byte[]>> two = new TreeMap<>();
        parties.forEach((id, p) -> two.put(id, p.answer(to(id, one))));
        byte[] fromTwo = two.get(2).get(1);
        fromTwo[fromTwo.length - 3] ^= 1; // inside t~, the extension's last check value
        ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> parties.get(1).finish(to(1, two)));
        assertEquals(2, e.culprit());
        assertEquals(Check.OT_EXTENSION_CONSISTENCY, e.check());
        assertThrows(IllegalStateException.class, () -> parties.get(1).finish(to(1, two)));
    }

    @Test
    void amongThreeServersEachChoosesInOnePairAndSendsInTheOther() {
        Map<Integer, Integer> chooses = new TreeMap<>();
        for (int[] pair : new int[][] {{1, 2}, {1, 3}, {2, 3}, {11, 12}, {11, 13}, {12, 13}}) {
            assertEquals(SetupParty.chooser(pair[0], pair[1]), SetupParty.chooser(pair[1], pair[0]));
            chooses.merge(SetupParty.chooser(pair[0], pair[1]), 1, Integer::sum);
        }
        assertEquals(Map.of(1, 1, 2, 1, 3, 1, 11, 1, 12, 1, 13, 1), chooses);
    }

    @Test
    void aMissingPeerOrAStepOutOfOrderIsRefused() {
        Map<Integer, SetupParty> parties = parties(CurveName.SECP256K1, UUID.randomUUID());
        assertThrows(IllegalStateException.class, () -> parties.get(1).answer(Map.of()));
        Map<Integer, byte[]> first = parties.get(2).start();
        parties.get(1).start();
        ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> parties.get(1).answer(Map.of(2, first.get(1))));
        assertEquals(3, e.culprit());
        assertThrows(
                IllegalArgumentException.class,
                () -> new SetupParty(CurveName.P256, UUID.randomUUID(), 4, TestIdentities.of(IDS), new SecureRandom()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SetupParty(
                        CurveName.ED25519, UUID.randomUUID(), 1, TestIdentities.of(IDS), new SecureRandom()));
    }

    interface Tamper {
        void apply(int from, int to, byte[] message);
    }

    private static Map<Integer, SetupParty> parties(CurveName curve, UUID setupId) {
        Map<Integer, SetupParty> out = new TreeMap<>();
        for (int id : IDS) {
            out.put(id, new SetupParty(curve, setupId, id, TestIdentities.of(IDS), new SecureRandom()));
        }
        return out;
    }

    private static Map<Integer, Map<Integer, PairSeeds>> run(
            CurveName curve, Map<Integer, SetupParty> parties, Tamper tamper) {
        Map<Integer, Map<Integer, byte[]>> one = new TreeMap<>();
        parties.forEach((id, p) -> one.put(id, p.start()));
        if (tamper != null) {
            one.forEach((from, msgs) -> msgs.forEach((to, m) -> tamper.apply(from, to, m)));
        }
        Map<Integer, Map<Integer, byte[]>> two = new TreeMap<>();
        parties.forEach((id, p) -> two.put(id, p.answer(to(id, one))));
        Map<Integer, Map<Integer, PairSeeds>> out = new TreeMap<>();
        parties.forEach((id, p) -> out.put(id, p.finish(to(id, two))));
        return out;
    }

    /** The messages addressed to {@code id}, by sender. */
    private static Map<Integer, byte[]> to(int id, Map<Integer, Map<Integer, byte[]>> sent) {
        Map<Integer, byte[]> out = new HashMap<>();
        sent.forEach((from, msgs) -> {
            if (msgs.containsKey(id)) {
                out.put(from, msgs.get(id));
            }
        });
        return out;
    }
}
