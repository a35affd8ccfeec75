package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZeroSharingTest {
    private static final byte[] SETUP = "zero setup".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theSharesOfEverySignerSetAddUpToZero() {
        Group g = Group.of(CurveName.P521);
        Map<Integer, ZeroSharing> parties = agreeAll(5, new TestRandom("zero"));
        for (List<Integer> set :
                List.of(List.of(1, 2, 3), List.of(2, 4, 5), List.of(1, 3, 5), List.of(1, 2, 3, 4, 5), List.of(4, 5))) {
            byte[] sid = ("sign " + set).getBytes(StandardCharsets.US_ASCII);
            Scalar sum = g.field().zero();
            for (int i : set) {
                Scalar zeta = parties.get(i).share(g, sid, set);
                assertFalse(zeta.isZero());
                sum = sum.add(zeta);
            }
            assertTrue(sum.isZero(), "set " + set);
        }
    }

    @Test
    void aPartysShareChangesWithTheSession() {
        Group g = Group.of(CurveName.SECP256K1);
        Map<Integer, ZeroSharing> parties = agreeAll(3, new TestRandom("zero 2"));
        List<Integer> set = List.of(1, 2);
        Scalar a = parties.get(1).share(g, "s1".getBytes(StandardCharsets.US_ASCII), set);
        Scalar b = parties.get(1).share(g, "s2".getBytes(StandardCharsets.US_ASCII), set);
        assertFalse(a.sameValue(b));
    }

    @Test
    void aContributionThatIsNotTheCommittedOneNamesThePeer() {
        TestRandom random = new TestRandom("zero 3");
        Commitment.Opening one = ZeroSharing.contribute(SETUP, 1, random);
        Commitment.Opening two = ZeroSharing.contribute(SETUP, 2, random);
        byte[] changed = two.message().clone();
        changed[0] ^= 1;
        ProtocolAbort abort = assertThrows(
                ProtocolAbort.class, () -> ZeroSharing.agree(SETUP, 1, one, 2, two.digest(), two.salt(), changed));
        assertEquals(2, abort.culprit());
        assertEquals(Check.COMMITMENT, abort.check());
    }

    /** Every pair agrees on a seed by commit-then-open; both sides must derive the same one. */
    static Map<Integer, ZeroSharing> agreeAll(int n, TestRandom random) {
        Map<Integer, Map<Integer, byte[]>> seeds = new HashMap<>();
        for (int i = 1; i <= n; i++) {
            seeds.put(i, new HashMap<>());
        }
        for (int i = 1; i <= n; i++) {
            for (int j = i + 1; j <= n; j++) {
                Commitment.Opening oi = ZeroSharing.contribute(SETUP, i, random);
                Commitment.Opening oj = ZeroSharing.contribute(SETUP, j, random);
                byte[] atI = ZeroSharing.agree(SETUP, i, oi, j, oj.digest(), oj.salt(), oj.message());
                byte[] atJ = ZeroSharing.agree(SETUP, j, oj, i, oi.digest(), oi.salt(), oi.message());
                assertArrayEquals(atI, atJ);
                seeds.get(i).put(j, atI);
                seeds.get(j).put(i, atJ);
            }
        }
        Map<Integer, ZeroSharing> out = new HashMap<>();
        seeds.forEach((i, s) -> out.put(i, new ZeroSharing(i, s)));
        return out;
    }
}
