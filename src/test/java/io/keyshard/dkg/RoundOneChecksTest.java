package io.keyshard.dkg;

import static io.keyshard.dkg.TestNet.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Server 3 misbehaves in round 1; honest server 1 must abort in round 2 naming server 3 and the check. */
class RoundOneChecksTest {
    private final TestNet net = TestNet.create(CurveName.SECP256K1, 2, 1, 2, 3);
    private final List<Round1Message> r1 = net.round1();
    private final Round1Message bad = r1.get(2);
    private final Curve curve = net.session.curve();

    private ProtocolException server1Rejects(ProtocolCheck check, Round1Message tampered) {
        List<Round1Message> list = replace(r1, 2, net.sign(tampered, 3));
        ProtocolException e = Blame.expect(check, 3, net, () -> net.server(1).round2(new Round2Request(list)));
        assertEquals(DkgParticipant.State.FAILED, net.server(1).state(), "a failed check ends the session");
        assertEquals("OFFICIAL_3", e.culpritName());
        return e;
    }

    private Round1Message withCommitments(List<byte[]> commitments) {
        return new Round1Message(
                bad.sessionId(), 3, commitments, bad.proofR(), bad.proofZ(), bad.chainCodeCommitment(), null);
    }

    private Round1Message withProof(byte[] r, byte[] z) {
        return new Round1Message(bad.sessionId(), 3, bad.commitments(), r, z, bad.chainCodeCommitment(), null);
    }

    @Test
    void aLongerCommitmentVectorIsRefused() {
        List<byte[]> longer = new ArrayList<>(bad.commitments());
        longer.add(curve.multiplyBase(BigInteger.valueOf(7)).encode());
        ProtocolException e = server1Rejects(ProtocolCheck.COMMITMENT_COUNT, withCommitments(longer));
        assertTrue(e.getMessage().contains("3 commitments"), e.getMessage());
    }

    @Test
    void aShorterCommitmentVectorIsRefused() {
        server1Rejects(
                ProtocolCheck.COMMITMENT_COUNT,
                withCommitments(bad.commitments().subList(0, 1)));
    }

    @Test
    void aBadProofOfPossessionIsRefused() {
        BigInteger z = curve.decodeScalar(bad.proofZ()).add(BigInteger.ONE).mod(curve.order());
        server1Rejects(ProtocolCheck.PROOF_OF_POSSESSION, withProof(bad.proofR(), curve.encodeScalar(z)));
    }

    @Test
    void aProofReplayedFromAnotherSessionIsRefused() {
        // Server 3 reuses its commitments and proof from another session, freshly signed for this one.
        Round1Message old = net.sibling().server(3).round1();
        Round1Message replayed = new Round1Message(
                bad.sessionId(), 3, old.commitments(), old.proofR(), old.proofZ(), bad.chainCodeCommitment(), null);
        server1Rejects(ProtocolCheck.PROOF_OF_POSSESSION, replayed);
    }

    @Test
    void aProofCopiedFromAnotherServerIsRefused() {
        // A rogue-key attempt: server 3 copies server 2's constant term and proof.
        Round1Message two = r1.get(1);
        Round1Message copied = new Round1Message(
                bad.sessionId(), 3, two.commitments(), two.proofR(), two.proofZ(), bad.chainCodeCommitment(), null);
        server1Rejects(ProtocolCheck.PROOF_OF_POSSESSION, copied);
    }

    @Test
    void theIdentityPointAsACommitmentIsRefused() {
        List<byte[]> c = new ArrayList<>(bad.commitments());
        c.set(0, new byte[] {0});
        server1Rejects(ProtocolCheck.INVALID_POINT, withCommitments(c));
    }

    @Test
    void edwardsIdentityAndSmallOrderCommitmentsAreRefused() {
        TestNet ed = TestNet.create(CurveName.ED25519, 2, 1, 2);
        List<Round1Message> list = ed.round1();
        Round1Message two = list.get(1);
        byte[] identity = new byte[32];
        identity[0] = 1; // y = 1, x = 0
        byte[] orderTwo = Hex.decode(
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); // y = -1: the point of order 2
        for (byte[] bad : List.of(identity, orderTwo)) {
            List<byte[]> c = new ArrayList<>(two.commitments());
            c.set(1, bad);
            Round1Message m = ed.sign(
                    new Round1Message(
                            two.sessionId(), 2, c, two.proofR(), two.proofZ(), two.chainCodeCommitment(), null),
                    2);
            Blame.expect(
                    ProtocolCheck.INVALID_POINT,
                    2,
                    ed,
                    () -> new KeygenCoordinator(ed.setup).round2Request(replace(list, 1, m)));
        }
    }

    @Test
    void aPointOffTheCurveIsRefused() {
        List<byte[]> c = new ArrayList<>(bad.commitments());
        byte[] off = new byte[33];
        off[0] = 2;
        off[32] = 5; // x = 5: 125 + 7 = 132 is not a square mod p on secp256k1
        c.set(1, off);
        ProtocolException e = server1Rejects(ProtocolCheck.INVALID_POINT, withCommitments(c));
        assertTrue(e.getMessage().contains("commitment 1"), e.getMessage());
    }

    @Test
    void aZeroScalarIsRefused() {
        server1Rejects(ProtocolCheck.INVALID_SCALAR, withProof(bad.proofR(), new byte[curve.scalarLength()]));
    }

    @Test
    void anOutOfRangeScalarIsRefused() {
        byte[] n = curve.order().toByteArray();
        byte[] z = Arrays.copyOfRange(n, n.length - curve.scalarLength(), n.length);
        server1Rejects(ProtocolCheck.INVALID_SCALAR, withProof(bad.proofR(), z));
    }

    @Test
    void aMessageSignedByAnotherServerIsRefused() {
        // Server 2's honest message, but signed with server 3's key: it is not server 2's.
        List<Round1Message> list = replace(r1, 1, net.sign(r1.get(1), 3));
        Blame.expect(ProtocolCheck.SIGNATURE, 2, net, () -> net.server(1).round2(new Round2Request(list)));
    }

    @Test
    void aMessageChangedInTransitIsRefused() {
        Round1Message r = r1.get(1);
        byte[] cc = r.chainCodeCommitment().clone();
        cc[0] ^= 1;
        Round1Message changed =
                new Round1Message(r.sessionId(), 2, r.commitments(), r.proofR(), r.proofZ(), cc, r.signature());
        Blame.expect(
                ProtocolCheck.SIGNATURE,
                2,
                net,
                () -> net.server(1).round2(new Round2Request(replace(r1, 1, changed))));
    }

    @Test
    void theCoordinatorNamesTheSameCulprit() {
        List<byte[]> longer = new ArrayList<>(bad.commitments());
        longer.add(bad.commitments().get(0));
        List<Round1Message> list = replace(r1, 2, net.sign(withCommitments(longer), 3));
        Blame.expect(
                ProtocolCheck.COMMITMENT_COUNT, 3, net, () -> new KeygenCoordinator(net.setup).round2Request(list));
    }
}
