package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The coordinator's final agreement check: identical results, matching the relay, interpolating to Y. */
class CoordinatorChecksTest {
    private final TestNet net = TestNet.create(CurveName.P384, 2, 1, 2, 3);
    private final KeygenCoordinator coordinator = new KeygenCoordinator(net.setup);
    private final List<Round3Message> results = new ArrayList<>();
    private final Curve curve = net.session.curve();

    CoordinatorChecksTest() {
        Round2Request req2 = coordinator.round2Request(net.round1());
        List<Round2Message> r2 = new ArrayList<>();
        net.servers.values().forEach(s -> r2.add(s.round2(req2)));
        Round3Request req3 = coordinator.round3Request(r2);
        net.servers.values().forEach(s -> results.add(s.round3(req3).message()));
    }

    private Round3Message changed(
            Round3Message r, UnaryOperator<Map<Integer, byte[]>> shares, byte[] root, byte[] chain) {
        Round3Message c = new Round3Message(
                r.sessionId(),
                r.sender(),
                r.curve(),
                r.threshold(),
                root,
                chain,
                shares.apply(new LinkedHashMap<>(r.verificationShares())),
                r.transcriptHash(),
                null);
        return net.sign(c, r.sender());
    }

    @Test
    void honestResultsAreAgreed() {
        AgreedKey agreed = coordinator.finish(results);
        assertEquals(
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                new ArrayList<>(agreed.verificationShares().keySet()));
        assertArrayEquals(results.get(0).rootPublicKey(), agreed.rootPublicKey());
        assertArrayEquals(
                agreed.rootPublicKey(),
                KeygenCoordinator.agree(net.session, results).rootPublicKey());
    }

    @Test
    void aServerReturningADifferentResultIsNamed() {
        Round3Message two = results.get(1);
        byte[] chain = two.chainCode().clone();
        chain[0] ^= 1;
        List<Round3Message> list = TestNet.replace(results, 1, changed(two, m -> m, two.rootPublicKey(), chain));
        Blame.expect(ProtocolCheck.RESULT_MISMATCH, 2, net, () -> coordinator.finish(list));
        Blame.expect(ProtocolCheck.RESULT_MISMATCH, 2, net, () -> KeygenCoordinator.agree(net.session, list));
    }

    @Test
    void aResultSignedByAnotherServerIsRefused() {
        List<Round3Message> list = TestNet.replace(results, 0, net.sign(results.get(0), 2));
        Blame.expect(ProtocolCheck.SIGNATURE, 1, net, () -> coordinator.finish(list));
    }

    @Test
    void aVerificationShareOffThePolynomialIsNamed() {
        // Every server "agrees" on a wrong share for server 3: only interpolation can tell.
        List<Round3Message> list = new ArrayList<>();
        for (Round3Message r : results) {
            list.add(changed(
                    r,
                    m -> {
                        m.put(
                                3,
                                curve.decodePoint(m.get(3))
                                        .add(curve.generator())
                                        .encode());
                        return m;
                    },
                    r.rootPublicKey(),
                    r.chainCode()));
        }
        Blame.expect(ProtocolCheck.INTERPOLATION, 3, net, () -> KeygenCoordinator.agree(net.session, list));
        Blame.expect(ProtocolCheck.RESULT_MISMATCH, 1, net, () -> coordinator.finish(list));
        // The same tampering, seen as "all t-subsets": {1,3} and {2,3} give another key.
        Point y = curve.decodePublicKey(list.get(0).rootPublicKey());
        Map<Integer, Point> shares = new LinkedHashMap<>();
        list.get(0).verificationShares().forEach((id, v) -> shares.put(id, curve.decodePoint(v)));
        assertEquals(y, KeygenCoordinator.interpolate(curve, shares, List.of(1, 2), 0));
        assertEquals(false, y.equals(KeygenCoordinator.interpolate(curve, shares, List.of(1, 3), 0)));
        assertEquals(false, y.equals(KeygenCoordinator.interpolate(curve, shares, List.of(2, 3), 0)));
    }

    @Test
    void aRootKeyTheSharesDoNotGiveIsRefused() {
        List<Round3Message> list = new ArrayList<>();
        for (Round3Message r : results) {
            byte[] other = curve.encodePublicKey(
                    curve.decodePublicKey(r.rootPublicKey()).add(curve.generator()));
            list.add(changed(r, m -> m, other, r.chainCode()));
        }
        Blame.expect(ProtocolCheck.INTERPOLATION, 1, net, () -> KeygenCoordinator.agree(net.session, list));
    }

    @Test
    void aMissingResultIsRefused() {
        Blame.expect(
                ProtocolCheck.MISSING_OR_DUPLICATE,
                ProtocolException.COORDINATOR,
                net,
                () -> coordinator.finish(results.subList(0, 2)));
    }
}
