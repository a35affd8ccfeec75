package io.keyshard.dkg;

import static io.keyshard.dkg.TestNet.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Server 3 misbehaves in round 2 (or equivocates in round 1); honest servers abort in round 3 naming it. */
class RoundTwoChecksTest {
    private final TestNet net = TestNet.create(CurveName.P256, 2, 1, 2, 3);
    private final Curve curve = net.session.curve();
    private final List<Round1Message> r1 = net.round1();
    private final List<Round2Message> r2 = net.round2(r1);
    private final Round2Message bad = r2.get(2);

    private Round2Message withShareFor(int recipient, byte[] plaintext) {
        Map<Integer, byte[]> shares = new LinkedHashMap<>(bad.encryptedShares());
        shares.put(recipient, ShareEncryption.seal(bad.sessionId(), 3, net.session.participant(recipient), plaintext));
        return net.sign(new Round2Message(bad.sessionId(), 3, bad.echo(), shares, bad.chainCodeReveal(), null), 3);
    }

    private Round3Output round3(int server, List<Round2Message> list) {
        return net.server(server).round3(new Round3Request(list));
    }

    @Test
    void aShareFailingFeldmanForOneRecipientOnlyIsCaughtByThatRecipient() {
        byte[] random = curve.encodeScalar(curve.randomScalar(TestNet.RANDOM));
        List<Round2Message> list = replace(r2, 2, withShareFor(1, random));
        ProtocolException e = Blame.expect(ProtocolCheck.FELDMAN, 3, net, () -> round3(1, list));
        assertTrue(e.getMessage().contains("OFFICIAL_3"), e.getMessage());
        String hex = Hex.toHexString(random);
        assertTrue(
                !e.getMessage().contains(hex) && !e.getMessage().contains(new BigInteger(1, random).toString()),
                "the share's value is not in the error");
        // Server 2's share from server 3 is fine, so server 2 finishes; the coordinator then misses server 1.
        Round3Output two = round3(2, list);
        assertEquals(2, two.share().id());
        assertEquals(DkgParticipant.State.FAILED, net.server(1).state());
    }

    @Test
    void anOutOfRangeShareIsRefused() {
        byte[] n = curve.order().toByteArray();
        byte[] tooBig = Arrays.copyOfRange(n, n.length - curve.scalarLength(), n.length);
        Blame.expect(ProtocolCheck.INVALID_SCALAR, 3, net, () -> round3(1, replace(r2, 2, withShareFor(1, tooBig))));
    }

    @Test
    void aZeroShareIsRefused() {
        byte[] zero = new byte[curve.scalarLength()];
        Blame.expect(ProtocolCheck.INVALID_SCALAR, 3, net, () -> round3(2, replace(r2, 2, withShareFor(2, zero))));
    }

    @Test
    void aShareEncryptedForAnotherRecipientDoesNotOpen() {
        // Server 3 sends server 1 the ciphertext it made for server 2.
        Map<Integer, byte[]> shares = new LinkedHashMap<>(bad.encryptedShares());
        shares.put(1, bad.encryptedShares().get(2));
        Round2Message m =
                net.sign(new Round2Message(bad.sessionId(), 3, bad.echo(), shares, bad.chainCodeReveal(), null), 3);
        Blame.expect(ProtocolCheck.SHARE_DECRYPTION, 3, net, () -> round3(1, replace(r2, 2, m)));
    }

    @Test
    void aRevealThatDoesNotMatchItsHashIsRefused() {
        byte[] reveal = bad.chainCodeReveal().clone();
        reveal[5] ^= 0x40;
        Round2Message m =
                net.sign(new Round2Message(bad.sessionId(), 3, bad.echo(), bad.encryptedShares(), reveal, null), 3);
        Blame.expect(ProtocolCheck.REVEAL_MISMATCH, 3, net, () -> round3(1, replace(r2, 2, m)));
        Blame.expect(
                ProtocolCheck.REVEAL_MISMATCH,
                3,
                net,
                () -> coordinatorAfterRound1().round3Request(replace(r2, 2, m)));
    }

    @Test
    void differentCommitmentsShownToDifferentServersAreCaughtByTheEcho() {
        TestNet fresh = TestNet.create(CurveName.P256, 2, 1, 2, 3);
        List<Round1Message> honest = fresh.round1();
        // Server 3 runs a second instance and signs a second, equally valid round-1 message.
        DkgParticipant twin = fresh.twin(3);
        Round1Message other = twin.round1();
        List<Round1Message> viewOf1 = honest;
        List<Round1Message> viewOf2 = replace(honest, 2, other);
        Round2Message m1 = fresh.server(1).round2(new Round2Request(viewOf1));
        Round2Message m2 = fresh.server(2).round2(new Round2Request(viewOf2));
        Round2Message m3 = fresh.server(3).round2(new Round2Request(viewOf1));
        List<Round2Message> all = List.of(m1, m2, m3);
        ProtocolException e = Blame.expect(
                ProtocolCheck.EQUIVOCATION, 3, fresh, () -> fresh.server(1).round3(new Round3Request(all)));
        assertTrue(e.getMessage().contains("OFFICIAL_2"), "names whose view differed: " + e.getMessage());
        Blame.expect(ProtocolCheck.EQUIVOCATION, 3, fresh, () -> fresh.server(2).round3(new Round3Request(all)));
    }

    @Test
    void aFalseEchoIsPinnedOnItsSignerByTheCoordinator() {
        // Server 2 signs an echo that misstates server 3's round-1 message.
        Round2Message two = r2.get(1);
        List<byte[]> echo = new ArrayList<>(two.echo());
        byte[] wrong = echo.get(2).clone();
        wrong[0] ^= 1;
        echo.set(2, wrong);
        Round2Message lying = net.sign(
                new Round2Message(two.sessionId(), 2, echo, two.encryptedShares(), two.chainCodeReveal(), null), 2);
        List<Round2Message> list = replace(r2, 1, lying);
        // The coordinator relayed one list to all, so it knows the echo is false: culprit 2.
        Blame.expect(
                ProtocolCheck.EQUIVOCATION,
                2,
                net,
                () -> coordinatorAfterRound1().round3Request(list));
        // A server cannot tell a false echo from a double-signing sender; it names 3 and says so.
        ProtocolException e = Blame.expect(ProtocolCheck.EQUIVOCATION, 3, net, () -> round3(1, list));
        assertTrue(e.getMessage().contains("or OFFICIAL_2's echo is false"), e.getMessage());
    }

    @Test
    void aRoundTwoMessageSignedByAnotherServerIsRefused() {
        Blame.expect(ProtocolCheck.SIGNATURE, 2, net, () -> round3(1, replace(r2, 1, net.sign(r2.get(1), 3))));
    }

    @Test
    void itsOwnMessageAlteredByTheRelayIsRefused() {
        Round2Message mine = r2.get(0);
        Round2Message altered = net.sign(
                new Round2Message(
                        mine.sessionId(),
                        1,
                        mine.echo(),
                        mine.encryptedShares(),
                        r2.get(1).chainCodeReveal(),
                        null),
                1);
        Blame.expect(
                ProtocolCheck.OWN_MESSAGE_ALTERED,
                ProtocolException.COORDINATOR,
                net,
                () -> round3(1, replace(r2, 0, altered)));
    }

    @Test
    void anEchoOfTheWrongLengthIsMalformed() {
        Round2Message m = net.sign(
                new Round2Message(
                        bad.sessionId(),
                        3,
                        bad.echo().subList(0, 2),
                        bad.encryptedShares(),
                        bad.chainCodeReveal(),
                        null),
                3);
        Blame.expect(ProtocolCheck.MALFORMED, 3, net, () -> round3(1, replace(r2, 2, m)));
    }

    @Test
    void sharesMissingARecipientAreMalformed() {
        Map<Integer, byte[]> shares = new LinkedHashMap<>(bad.encryptedShares());
        shares.remove(2);
        Round2Message m =
                net.sign(new Round2Message(bad.sessionId(), 3, bad.echo(), shares, bad.chainCodeReveal(), null), 3);
        Blame.expect(ProtocolCheck.MALFORMED, 3, net, () -> round3(1, replace(r2, 2, m)));
    }

    @Test
    void honestRunsFinishWithOneTranscriptThatTheCoordinatorAccepts() {
        List<Round3Output> outs = List.of(round3(1, r2), round3(2, r2), round3(3, r2));
        KeygenCoordinator c = coordinatorAfterRound1();
        c.round3Request(r2);
        AgreedKey agreed = c.finish(outs.stream().map(Round3Output::message).toList());
        for (Round3Output o : outs) {
            assertTrue(Arrays.equals(agreed.transcriptHash(), o.message().transcriptHash()));
        }
    }

    private KeygenCoordinator coordinatorAfterRound1() {
        KeygenCoordinator c = new KeygenCoordinator(net.setup);
        c.round2Request(r1);
        return c;
    }
}
