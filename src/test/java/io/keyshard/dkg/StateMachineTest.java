package io.keyshard.dkg;

import static io.keyshard.dkg.TestNet.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.curve.CurveName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rounds answered twice, out of order, replayed or from another session are refused; nothing changes. */
class StateMachineTest {
    private final TestNet net = TestNet.create(CurveName.SECP256K1, 2, 1, 2);
    private final DkgParticipant one = net.server(1);

    @Test
    void roundOneAnsweredTwiceIsRefused() {
        one.round1();
        Blame.expect(ProtocolCheck.ROUND_REPEATED, ProtocolException.COORDINATOR, net, one::round1);
        assertEquals(DkgParticipant.State.ROUND1_SENT, one.state());
    }

    @Test
    void roundTwoAnsweredTwiceIsRefusedAndTheSessionStillFinishes() {
        List<Round1Message> r1 = net.round1();
        List<Round2Message> r2 = net.round2(r1);
        Blame.expect(
                ProtocolCheck.ROUND_REPEATED,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round2(new Round2Request(r1)));
        Round3Output out = one.round3(new Round3Request(r2));
        Blame.expect(
                ProtocolCheck.SESSION_ENDED,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round3(new Round3Request(r2)));
        assertEquals(1, out.share().id());
    }

    @Test
    void roundsOutOfOrderAreRefused() {
        Blame.expect(
                ProtocolCheck.OUT_OF_ORDER,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round2(new Round2Request(List.of())));
        Blame.expect(
                ProtocolCheck.OUT_OF_ORDER,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round3(new Round3Request(List.of())));
        assertEquals(DkgParticipant.State.NEW, one.state());
    }

    @Test
    void aMessageFromAnotherSessionIsRefusedAndChangesNothing() {
        List<Round1Message> r1 = net.round1();
        Round1Message replayed = net.sibling().server(2).round1();
        ProtocolException e = Blame.expect(
                ProtocolCheck.WRONG_SESSION,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round2(new Round2Request(replace(r1, 1, replayed))));
        assertEquals(true, e.check().stateViolation());
        assertEquals(DkgParticipant.State.ROUND1_SENT, one.state());
        one.round2(new Round2Request(r1));
        assertEquals(DkgParticipant.State.ROUND2_SENT, one.state());
    }

    @Test
    void aRoundTwoMessageReplayedFromAnotherSessionIsRefused() {
        TestNet other = net.sibling();
        List<Round2Message> otherR2 = other.round2(other.round1());
        List<Round2Message> r2 = net.round2(net.round1());
        Blame.expect(
                ProtocolCheck.WRONG_SESSION,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round3(new Round3Request(replace(r2, 1, otherR2.get(1)))));
        one.round3(new Round3Request(r2));
    }

    @Test
    void aMissingOrDuplicatedMessageIsRefused() {
        List<Round1Message> r1 = net.round1();
        List<Round1Message> doubled = new ArrayList<>(r1);
        doubled.add(r1.get(1));
        Blame.expect(
                ProtocolCheck.MISSING_OR_DUPLICATE,
                ProtocolException.COORDINATOR,
                net,
                () -> net.server(2).round2(new Round2Request(doubled)));
        Blame.expect(
                ProtocolCheck.MISSING_OR_DUPLICATE,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round2(new Round2Request(r1.subList(0, 1))));
        TestNet other = net.sibling();
        other.round1();
        Blame.expect(
                ProtocolCheck.MISSING_OR_DUPLICATE,
                ProtocolException.COORDINATOR,
                other,
                () -> other.server(1).round2(new Round2Request(null)));
        Blame.expect(
                ProtocolCheck.MISSING_OR_DUPLICATE,
                ProtocolException.COORDINATOR,
                other,
                () -> other.server(2).round2(null));
    }

    @Test
    void itsOwnRoundOneMessageMustComeBackUnchanged() {
        List<Round1Message> r1 = net.round1();
        // A valid message for server 1, but not the one this instance sent.
        Round1Message foreign = net.twin(1).round1();
        Blame.expect(
                ProtocolCheck.OWN_MESSAGE_ALTERED,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round2(new Round2Request(replace(r1, 0, foreign))));
    }

    @Test
    void aFailedSessionRefusesEveryLaterRound() {
        List<Round1Message> r1 = net.round1();
        Round1Message two = r1.get(1);
        Round1Message bad = net.sign(
                new Round1Message(
                        two.sessionId(),
                        2,
                        two.commitments().subList(0, 1),
                        two.proofR(),
                        two.proofZ(),
                        two.chainCodeCommitment(),
                        null),
                2);
        Blame.expect(ProtocolCheck.COMMITMENT_COUNT, 2, net, () -> one.round2(new Round2Request(replace(r1, 1, bad))));
        Blame.expect(
                ProtocolCheck.SESSION_ENDED,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round2(new Round2Request(r1)));
    }

    @Test
    void anAbortedSessionRefusesEveryLaterRound() {
        List<Round1Message> r1 = net.round1();
        one.abort();
        Blame.expect(
                ProtocolCheck.SESSION_ENDED,
                ProtocolException.COORDINATOR,
                net,
                () -> one.round2(new Round2Request(r1)));
    }
}
