package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.DkgParticipant;
import io.keyshard.dkg.Forge;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Fuzzes what a malicious server holding its own identity key can send: its round-1 and round-2
 * messages altered field by field and signed again, against an honest server (id 1). The honest
 * server throws {@link ProtocolException} naming the peer (id 2) or the relay, never itself, and a
 * failed check leaves it FAILED; or it accepts a message that is a valid one of the peer (round 1:
 * see {@link #assertValidRoundOne}) or unchanged (round 2). Byte 0 picks the field, byte 1 an
 * index, the rest is the new value.
 */
class MaliciousPeerFuzzTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HONEST = 1;
    private static final int PEER = 2;
    private static final int THRESHOLD = 2;
    private static final Curve CURVE = CurveName.SECP256K1.curve();
    private static final IdentityKeys HONEST_KEYS = IdentityKeys.generate(RANDOM);
    private static final IdentityKeys PEER_KEYS = IdentityKeys.generate(RANDOM);
    private static final IdentityKeys OTHER_KEYS = IdentityKeys.generate(RANDOM);

    private static SessionSetup setup() {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return new SessionSetup(
                UUID.randomUUID().toString(),
                nonce,
                CurveName.SECP256K1.apiName(),
                THRESHOLD,
                List.of(HONEST_KEYS.participant("OFFICIAL_1", HONEST), PEER_KEYS.participant("OFFICIAL_2", PEER)));
    }

    @FuzzTest(maxDuration = "30s")
    void peerRoundOne(byte[] data) throws Exception {
        if (data.length < 2) {
            return;
        }
        SessionSetup setup = setup();
        DkgParticipant honest = DkgParticipant.create(setup, "OFFICIAL_1", HONEST, HONEST_KEYS, RANDOM);
        DkgParticipant peer = DkgParticipant.create(setup, "OFFICIAL_2", PEER, PEER_KEYS, RANDOM);
        Round1Message own = honest.round1();
        Round1Message m = peer.round1();
        byte[] v = Arrays.copyOfRange(data, 2, data.length);
        List<byte[]> c = new ArrayList<>(m.commitments());
        int field = (data[0] & 0xff) % 9;
        switch (field) {
            case 0 -> c.remove(c.size() - 1);
            case 1 -> c.add(v);
            case 2 -> c.set((data[1] & 0xff) % c.size(), v);
            default -> {}
        }
        Round1Message altered = new Round1Message(
                field == 6 ? v : m.sessionId(),
                field == 7 ? intOf(v) : m.sender(),
                c,
                field == 3 ? v : m.proofR(),
                field == 4 ? v : m.proofZ(),
                field == 5 ? v : m.chainCodeCommitment(),
                m.signature());
        Round1Message bad = field == 8
                ? new Round1Message(m.sessionId(), m.sender(), c, m.proofR(), m.proofZ(), m.chainCodeCommitment(), v)
                : Forge.sign(altered, (data[1] & 0x80) != 0 ? OTHER_KEYS : PEER_KEYS);
        if (caught(honest, () -> honest.round2(new Round2Request(List.of(own, bad))))) {
            return;
        }
        assertValidRoundOne(m, bad);
    }

    /**
     * What round 1 guarantees about a message it accepts: it is a correctly signed round-1 message of
     * that sender in this key generation, with exactly t commitments that are valid points, and the same
     * C_0 with the same proof of possession (a new valid proof needs the peer's secret, which the
     * fuzzer does not produce). Any other C_j and any 32-byte chain-code hash are the peer's free
     * choice: it may commit to any polynomial, and round 3's Feldman check blames a share that does
     * not match it.
     */
    static void assertValidRoundOne(Round1Message original, Round1Message accepted) {
        String what = "an accepted round-1 message that is not a valid one of the peer";
        assertArrayEquals(original.sessionId(), accepted.sessionId(), what + ": sessionId");
        assertEquals(original.sender(), accepted.sender(), what + ": sender");
        assertEquals(THRESHOLD, accepted.commitments().size(), what + ": commitment count");
        for (byte[] c : accepted.commitments()) {
            assertDoesNotThrow(() -> CURVE.decodePoint(c), what + ": commitment is not a point");
        }
        assertEquals(
                point(original.commitments().get(0)),
                point(accepted.commitments().get(0)),
                what + ": C_0");
        assertEquals(point(original.proofR()), point(accepted.proofR()), what + ": proof R");
        assertEquals(CURVE.decodeScalar(original.proofZ()), CURVE.decodeScalar(accepted.proofZ()), what + ": proof z");
        assertEquals(32, accepted.chainCodeCommitment().length, what + ": chain-code hash");
        assertArrayEquals(
                Forge.sign(accepted, PEER_KEYS).signature(),
                accepted.signature(),
                what + ": not signed by the peer (Ed25519 signatures are deterministic)");
    }

    private static String point(byte[] encoded) {
        return HexFormat.of().formatHex(CURVE.decodePoint(encoded).encode());
    }

    @Test
    void aPeerMayCommitToAnyC1AndTheOracleAcceptsIt() throws Exception {
        byte[] data = new byte[2 + 33];
        data[0] = 2; // replace a commitment
        data[1] = 1; // C_1, signed again with the peer's own key
        System.arraycopy(CURVE.generator().encode(), 0, data, 2, 33);
        peerRoundOne(data);
        SessionSetup setup = setup();
        DkgParticipant honest = DkgParticipant.create(setup, "OFFICIAL_1", HONEST, HONEST_KEYS, RANDOM);
        Round1Message m = DkgParticipant.create(setup, "OFFICIAL_2", PEER, PEER_KEYS, RANDOM)
                .round1();
        Round1Message otherC1 = Forge.sign(
                new Round1Message(
                        m.sessionId(),
                        m.sender(),
                        List.of(m.commitments().get(0), CURVE.generator().encode()),
                        m.proofR(),
                        m.proofZ(),
                        m.chainCodeCommitment(),
                        null),
                PEER_KEYS);
        assertDoesNotThrow(
                () -> honest.round2(new Round2Request(List.of(honest.round1(), otherC1))),
                "the honest server accepts a valid round 1 with another C_1");
    }

    @Test
    void theOracleRefusesAnAcceptedMessageWithAnotherC0OrAnotherSigner() {
        SessionSetup setup = setup();
        Round1Message m = DkgParticipant.create(setup, "OFFICIAL_2", PEER, PEER_KEYS, RANDOM)
                .round1();
        Round1Message otherC0 = Forge.sign(
                new Round1Message(
                        m.sessionId(),
                        m.sender(),
                        List.of(CURVE.generator().encode(), m.commitments().get(1)),
                        m.proofR(),
                        m.proofZ(),
                        m.chainCodeCommitment(),
                        null),
                PEER_KEYS);
        assertThrows(AssertionFailedError.class, () -> assertValidRoundOne(m, otherC0));
        assertThrows(AssertionFailedError.class, () -> assertValidRoundOne(m, Forge.sign(m, OTHER_KEYS)));
        assertThrows(
                AssertionFailedError.class,
                () -> assertValidRoundOne(
                        m,
                        Forge.sign(
                                new Round1Message(
                                        m.sessionId(),
                                        m.sender(),
                                        m.commitments().subList(0, 1),
                                        m.proofR(),
                                        m.proofZ(),
                                        m.chainCodeCommitment(),
                                        null),
                                PEER_KEYS)));
        assertDoesNotThrow(() -> assertValidRoundOne(m, m));
    }

    @FuzzTest(maxDuration = "30s")
    void peerRoundTwo(byte[] data) throws Exception {
        if (data.length < 2) {
            return;
        }
        SessionSetup setup = setup();
        DkgParticipant honest = DkgParticipant.create(setup, "OFFICIAL_1", HONEST, HONEST_KEYS, RANDOM);
        DkgParticipant peer = DkgParticipant.create(setup, "OFFICIAL_2", PEER, PEER_KEYS, RANDOM);
        Round2Request req = new Round2Request(List.of(honest.round1(), peer.round1()));
        Round2Message own = honest.round2(req);
        Round2Message m = peer.round2(req);
        byte[] v = Arrays.copyOfRange(data, 2, data.length);
        List<byte[]> echo = new ArrayList<>(m.echo());
        Map<Integer, byte[]> shares = new LinkedHashMap<>(m.encryptedShares());
        int field = (data[0] & 0xff) % 8;
        switch (field) {
            case 0 -> echo.set((data[1] & 0xff) % echo.size(), v);
            case 1 -> echo.remove(echo.size() - 1);
            case 2 -> shares.put(HONEST, v);
            case 3 -> shares.put(HONEST, Forge.sealShare(setup, PEER, HONEST, v));
            case 4 -> shares.put(intOf(v), v);
            default -> {}
        }
        Round2Message bad = new Round2Message(
                field == 6 ? v : m.sessionId(),
                m.sender(),
                echo,
                shares,
                field == 5 ? v : m.chainCodeReveal(),
                m.signature());
        Round2Message sent = field == 7
                ? new Round2Message(m.sessionId(), m.sender(), echo, shares, m.chainCodeReveal(), v)
                : Forge.sign(bad, (data[1] & 0x80) != 0 ? OTHER_KEYS : PEER_KEYS);
        expectCaughtOrUnchanged(honest, m, sent, () -> honest.round3(new Round3Request(List.of(own, sent))));
    }

    private static int intOf(byte[] v) {
        return v.length >= 4 ? ByteBuffer.wrap(v).getInt() : v.length == 0 ? 0 : v[0];
    }

    private static void expectCaughtOrUnchanged(DkgParticipant honest, Object original, Object sent, Runnable step)
            throws Exception {
        if (!caught(honest, step)) {
            assertEquals(json(strip(original)), json(strip(sent)), "an altered message was accepted");
        }
    }

    /** True if the step threw a {@link ProtocolException} that names the peer or the relay and ended the session. */
    private static boolean caught(DkgParticipant honest, Runnable step) {
        try {
            step.run();
        } catch (ProtocolException e) {
            assertNotEquals(HONEST, e.culpritId(), () -> "the honest server blamed itself: " + e.getMessage());
            assertTrue(e.culpritId() == PEER || e.culpritId() == ProtocolException.COORDINATOR, e.getMessage());
            if (!e.check().stateViolation()) {
                assertEquals(DkgParticipant.State.FAILED, honest.state(), "a failed check ends the session");
            }
            return true;
        }
        return false;
    }

    /** The message without its signature (a re-signed but otherwise identical message is not an attack). */
    private static Object strip(Object m) {
        Round2Message r = (Round2Message) m;
        return new Round2Message(r.sessionId(), r.sender(), r.echo(), r.encryptedShares(), r.chainCodeReveal(), null);
    }

    private static String json(Object o) throws Exception {
        return StrictJson.mapper().writeValueAsString(o);
    }
}
