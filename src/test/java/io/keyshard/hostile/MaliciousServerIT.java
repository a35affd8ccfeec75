package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.Workspace;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.Forge;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.ProtocolCheck;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each deviation a real malicious server operator can make (BRAVO behind a
 * {@link RogueFront}: same pinned certificate, answers re-signed with its own identity key), with
 * the product's client and two honest real nodes over loopback HTTPS: the run fails with exit
 * code 5 naming BRAVO and the check, the vault record is FAILED, and no server keeps a share.
 */
class MaliciousServerIT {
    private static final Curve CURVE = CurveName.SECP256K1.curve();
    private static final SecureRandom RANDOM = new SecureRandom();
    static HostileCluster cluster;
    static RogueFront rogue;
    static Round1Message earlierRound1;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        cluster = new HostileCluster(dir);
        rogue = cluster.rogueFront("BRAVO");
        rogue.tamper = new RogueFront.Tamper() {
            @Override
            public Round1Message round1(Round1Message m, SessionSetup setup) {
                earlierRound1 = m;
                return m;
            }
        };
        GeneratedKey honest = cluster.keygen(CurveName.SECP256K1);
        assertEquals(KeyStatus.READY, honest.record().status(), "with nothing altered the run succeeds");
    }

    @AfterAll
    static void stop() {
        rogue.close();
        cluster.close();
    }

    static Stream<Arguments> deviations() {
        return Stream.of(
                round1(
                        "commitment vector one too long",
                        ProtocolCheck.COMMITMENT_COUNT,
                        m -> r1(m, plus(m.commitments(), CURVE.generator().encode()), m.proofR(), m.proofZ())),
                round1(
                        "commitment vector one too short",
                        ProtocolCheck.COMMITMENT_COUNT,
                        m -> r1(m, m.commitments().subList(0, 1), m.proofR(), m.proofZ())),
                round1(
                        "proof of possession that does not verify",
                        ProtocolCheck.PROOF_OF_POSSESSION,
                        m -> r1(
                                m,
                                m.commitments(),
                                m.proofR(),
                                scalar(new BigInteger(1, m.proofZ()).add(BigInteger.ONE)))),
                round1(
                        "proof replayed from another session",
                        ProtocolCheck.PROOF_OF_POSSESSION,
                        m -> r1(
                                m,
                                List.of(
                                        earlierRound1.commitments().get(0),
                                        m.commitments().get(1)),
                                earlierRound1.proofR(),
                                earlierRound1.proofZ())),
                round1(
                        "the identity point as a commitment",
                        ProtocolCheck.INVALID_POINT,
                        m -> r1(m, List.of(m.commitments().get(0), new byte[33]), m.proofR(), m.proofZ())),
                round1(
                        "a scalar equal to the group order",
                        ProtocolCheck.INVALID_SCALAR,
                        m -> r1(m, m.commitments(), m.proofR(), scalar(CURVE.order()))),
                round1(
                        "an answer that claims to come from CHARLIE",
                        ProtocolCheck.WRONG_SENDER,
                        m -> new Round1Message(
                                m.sessionId(),
                                13,
                                m.commitments(),
                                m.proofR(),
                                m.proofZ(),
                                m.chainCodeCommitment(),
                                m.signature())),
                round1(
                        "an answer carrying another session's id",
                        ProtocolCheck.WRONG_SESSION,
                        m -> new Round1Message(
                                random(32),
                                m.sender(),
                                m.commitments(),
                                m.proofR(),
                                m.proofZ(),
                                m.chainCodeCommitment(),
                                m.signature())),
                round1(
                        "signed by another key",
                        ProtocolCheck.SIGNATURE,
                        m -> Forge.sign(m, IdentityKeys.generate(RANDOM))),
                round2(
                        "a share that fails the Feldman check for CHARLIE only",
                        ProtocolCheck.FELDMAN,
                        (m, setup) ->
                                r2(m, share(m, setup, 13, CURVE.randomScalar(RANDOM)), m.echo(), m.chainCodeReveal())),
                round2(
                        "a zero share for CHARLIE",
                        ProtocolCheck.INVALID_SCALAR,
                        (m, setup) -> r2(m, share(m, setup, 13, BigInteger.ZERO), m.echo(), m.chainCodeReveal())),
                round2(
                        "a chain-code reveal that does not match its hash",
                        ProtocolCheck.REVEAL_MISMATCH,
                        (m, setup) -> r2(m, m.encryptedShares(), m.echo(), random(32))),
                round2(
                        "an echo that lists another round-1 message",
                        ProtocolCheck.EQUIVOCATION,
                        (m, setup) -> r2(
                                m,
                                m.encryptedShares(),
                                List.of(random(32), m.echo().get(1), m.echo().get(2)),
                                m.chainCodeReveal())),
                round3(
                        "a final result with another group key",
                        ProtocolCheck.RESULT_MISMATCH,
                        r -> new Round3Message(
                                r.sessionId(),
                                r.sender(),
                                r.curve(),
                                r.threshold(),
                                CURVE.generator().encode(),
                                r.chainCode(),
                                r.verificationShares(),
                                r.transcriptHash(),
                                r.signature())));
    }

    @ParameterizedTest(name = "BRAVO sends {0}")
    @MethodSource("deviations")
    void aDeviationIsCaughtNamedAndNothingIsKept(String what, ProtocolCheck check, RogueFront.Tamper tamper)
            throws Exception {
        rogue.tamper = tamper;
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            List<UUID> before = vault.list().stream().map(KeyRecord::keyId).toList();
            CompletionException e = assertThrows(
                    CompletionException.class,
                    () -> ws.call(
                                    ComponentModule.GENERATE_KEY_SHARE,
                                    new KeygenRequest(CurveName.SECP256K1, 2, HostileCluster.NAMES))
                            .promise()
                            .join());
            KeygenException failure = assertInstanceOf(KeygenException.class, e.getCause());
            assertEquals(ExitCoded.PROTOCOL, failure.exitCode(), failure.getMessage());
            assertTrue(failure.getMessage().contains("culprit server BRAVO"), failure.getMessage());
            assertTrue(failure.getMessage().contains(check.description()), failure.getMessage());
            KeyRecord record = vault.list().stream()
                    .filter(r -> !before.contains(r.keyId()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(KeyStatus.FAILED, record.status());
            assertTrue(record.failureReason().contains("BRAVO"), record.failureReason());
            assertTrue(!failure.getMessage().contains(record.keyId().toString()), "no keyId in the error");
            for (String name : HostileCluster.NAMES) {
                String status = cluster.status(name, record.keyId());
                assertNotEquals("READY", status, name);
                assertNotEquals("PENDING", status, name + " keeps no share of a failed key");
            }
        } finally {
            rogue.tamper = RogueFront.Tamper.NONE;
        }
    }

    private static Arguments round1(String what, ProtocolCheck check, UnaryOperator<Round1Message> f) {
        return Arguments.of(what, check, new RogueFront.Tamper() {
            @Override
            public Round1Message round1(Round1Message m, SessionSetup setup) {
                return f.apply(m);
            }
        });
    }

    private static Arguments round2(
            String what, ProtocolCheck check, BiFunction<Round2Message, SessionSetup, Round2Message> f) {
        return Arguments.of(what, check, new RogueFront.Tamper() {
            @Override
            public Round2Message round2(Round2Message m, SessionSetup setup) {
                return f.apply(m, setup);
            }
        });
    }

    private static Arguments round3(String what, ProtocolCheck check, UnaryOperator<Round3Message> f) {
        return Arguments.of(what, check, new RogueFront.Tamper() {
            @Override
            public Round3Message round3(Round3Message r, SessionSetup setup) {
                return f.apply(r);
            }
        });
    }

    private static Round1Message r1(Round1Message m, List<byte[]> commitments, byte[] proofR, byte[] proofZ) {
        return new Round1Message(
                m.sessionId(), m.sender(), commitments, proofR, proofZ, m.chainCodeCommitment(), m.signature());
    }

    private static Round2Message r2(Round2Message m, Map<Integer, byte[]> shares, List<byte[]> echo, byte[] reveal) {
        return new Round2Message(m.sessionId(), m.sender(), echo, shares, reveal, m.signature());
    }

    private static Map<Integer, byte[]> share(Round2Message m, SessionSetup setup, int recipient, BigInteger value) {
        Map<Integer, byte[]> shares = new LinkedHashMap<>(m.encryptedShares());
        shares.put(recipient, Forge.sealShare(setup, m.sender(), recipient, value));
        return shares;
    }

    private static List<byte[]> plus(List<byte[]> list, byte[] extra) {
        List<byte[]> out = new ArrayList<>(list);
        out.add(extra);
        return out;
    }

    private static byte[] scalar(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
