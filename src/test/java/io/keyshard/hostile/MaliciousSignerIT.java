package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeygenException;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.frost.Ciphersuite;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeSecrets;
import io.keyshard.node.NodeServer;
import io.keyshard.node.TestNode;
import io.keyshard.vault.Vault;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.SignCommitment;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignRound2Request;
import io.keyshard.wire.SignShare;
import io.keyshard.wire.SignTranscript;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signing coordinator or co-signer that cheats, against real nodes (ALPHA 11, BRAVO 12, CHARLIE 13) over
 * loopback HTTPS: replays and reuses of a signId, a changed message, a second round 2, round 2 after
 * abort, forged or invalid co-signer commitments and a bad signer set are refused by the node with
 * nothing signed; a bad signature share from a server is caught by the client, which names the server
 * and returns nothing.
 */
class MaliciousSignerIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Ciphersuite SUITE = Ciphersuite.ED25519_SHA512;
    static HostileCluster cluster;
    static RogueFront rogue;
    static UUID keyId;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        cluster = new HostileCluster(dir);
        rogue = cluster.rogueFront("BRAVO");
        keyId = cluster.keygen(CurveName.ED25519).keyId();
    }

    @AfterAll
    static void stop() {
        rogue.close();
        cluster.close();
    }

    @AfterEach
    void honestAgain() {
        rogue.signShare = null;
        rogue.signCommitment = null;
        rogue.unavailable = false;
    }

    @Test
    void aServerThatIsDownIsPassedOverOrNamedWithExitFour() throws Exception {
        rogue.unavailable = true;
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            byte[] m = message();
            SignResult r = ws.sign(new SignRequest(keyId, DerivationPath.ROOT, null, m, null, null, null))
                    .promise()
                    .join();
            assertEquals(List.of("ALPHA", "CHARLIE"), r.signers(), "the first two healthy servers sign");
            CompletionException e = assertThrows(
                    CompletionException.class,
                    () -> ws.sign(new SignRequest(
                                    keyId, DerivationPath.ROOT, null, m, List.of("ALPHA", "BRAVO"), null, null))
                            .promise()
                            .join());
            KeygenException failure = assertInstanceOf(KeygenException.class, e.getCause());
            assertEquals(ExitCoded.SERVER, failure.exitCode(), failure.getMessage());
            assertTrue(failure.getMessage().contains("not reachable: BRAVO"), failure.getMessage());
        }
    }

    private static SignRound1Request request(List<Integer> signers, byte[] message) {
        return new SignRound1Request(keyId.toString(), "m/7", "", signers, Hex.encode(message));
    }

    private static HttpResponse<String> post(String server, UUID signId, String action, Object body) throws Exception {
        TestNode n = cluster.node(server);
        return n.send(
                n.entry.apiKey(),
                "/v1/sign/" + signId + "/" + action,
                StrictJson.mapper().writeValueAsString(body));
    }

    private static SignCommitment round1(String server, UUID signId, SignRound1Request r) throws Exception {
        HttpResponse<String> a = post(server, signId, "round1", r);
        assertEquals(200, a.statusCode(), a.body());
        return StrictJson.mapper().readValue(a.body(), SignCommitment.class);
    }

    private static byte[] message() {
        byte[] m = new byte[32];
        RANDOM.nextBytes(m);
        return m;
    }

    private static void assertRefused(int status, String words, HttpResponse<String> a) {
        assertEquals(status, a.statusCode(), a.body());
        assertTrue(a.body().contains(words), a.body());
    }

    @Test
    void aBadShareIsNamedAndNoSignatureIsReturned() throws Exception {
        rogue.signShare = hex -> {
            byte[] z = Hex.decode(hex, "share");
            z[0] ^= 1; // still a canonical scalar: the share check, not decoding, must catch it
            return Hex.encode(z);
        };
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            KeygenException failure = protocolFailure(ws);
            assertEquals("BRAVO", failure.server());
            assertTrue(failure.getMessage().contains("culprit server BRAVO"), failure.getMessage());
            rogue.signShare = null;
            SignResult ok = ws.sign(new SignRequest(keyId, DerivationPath.of(3), null, message(), null, null, null))
                    .promise()
                    .join();
            assertEquals(List.of("ALPHA", "BRAVO"), ok.signers(), "the same servers sign once BRAVO is honest");
        }
    }

    @Test
    void aCommitmentThatFailsTheChecksIsNamedAndNoSignatureIsReturned() throws Exception {
        // a forged identity signature, then a commitment swapped for a small-order point: ALPHA refuses round 2
        // over them as well, and the coordinator names the sender of the commitment, not the server that refused
        List<UnaryOperator<SignCommitment>> forgeries = List.of(
                c -> new SignCommitment(c.sender(), c.hiding(), c.binding(), flipFirst(c.signature())),
                c -> new SignCommitment(c.sender(), SMALL_ORDER_ED25519, c.binding(), c.signature()));
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            for (UnaryOperator<SignCommitment> forgery : forgeries) {
                rogue.signCommitment = forgery;
                KeygenException failure = protocolFailure(ws);
                assertEquals("BRAVO", failure.server(), failure.getMessage());
            }
            rogue.signCommitment = null;
            SignResult ok = ws.sign(new SignRequest(keyId, DerivationPath.of(3), null, message(), null, null, null))
                    .promise()
                    .join();
            assertEquals(List.of("ALPHA", "BRAVO"), ok.signers(), "the same servers sign once BRAVO is honest");
        }
    }

    /** A signing under m/3 that fails with a protocol error (exit 5), and that error. */
    private static KeygenException protocolFailure(Workspace ws) {
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> ws.sign(new SignRequest(keyId, DerivationPath.of(3), null, message(), null, null, null))
                        .promise()
                        .join());
        KeygenException failure = assertInstanceOf(KeygenException.class, e.getCause());
        assertEquals(ExitCoded.PROTOCOL, failure.exitCode(), failure.getMessage());
        return failure;
    }

    /** An Ed25519 point of order 2 (RFC 8032 encoding of (0, -1)). */
    private static final String SMALL_ORDER_ED25519 =
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";

    private static String flipFirst(String hex) {
        byte[] b = Hex.decode(hex, "signature");
        b[0] ^= 1;
        return Hex.encode(b);
    }

    @Test
    void aRestartDropsTheNoncesAndTheSignIdStaysUsed() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(12, 13), message());
        List<SignCommitment> commitments = List.of(round1("BRAVO", signId, r), round1("CHARLIE", signId, r));
        TestNode charlie = cluster.node("CHARLIE");
        int port = charlie.server.port();
        charlie.stop();
        charlie.server = NodeServer.start(charlie.data, port, Duration.ofMinutes(10));
        assertRefused(
                409, "no signing waits", post("CHARLIE", signId, "round2", new SignRound2Request(r, commitments)));
        assertRefused(409, "already used", post("CHARLIE", signId, "round1", r));
    }

    @Test
    void aFrostKeyRefusesTheEcdsaRelayForm() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(11, 12), message());
        assertRefused(
                400,
                "this key signs with FROST",
                post("ALPHA", signId, "round1", new DklsRound1Request(r, DklsRound1Request.RELAY)));
        // refused before anything was kept: the signId still starts
        assertEquals(200, post("ALPHA", signId, "round1", r).statusCode());
    }

    @Test
    void aReplayedRoundOneIsRefused() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(11, 12), message());
        round1("ALPHA", signId, r);
        assertRefused(409, "already used", post("ALPHA", signId, "round1", r));
    }

    @Test
    void roundTwoIsAnsweredOnceAndTheSignIdNeverSignsAnotherMessage() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(11, 12), message());
        SignRound2Request r2 =
                new SignRound2Request(r, List.of(round1("ALPHA", signId, r), round1("BRAVO", signId, r)));
        HttpResponse<String> first = post("ALPHA", signId, "round2", r2);
        assertEquals(200, first.statusCode(), first.body());
        SignShare share = StrictJson.mapper().readValue(first.body(), SignShare.class);
        assertEquals(11, share.sender());
        assertRefused(409, "no signing waits", post("ALPHA", signId, "round2", r2));
        assertRefused(409, "already used", post("ALPHA", signId, "round1", request(List.of(11, 12), message())));
    }

    @Test
    void aChangedMessageAtRoundTwoBurnsTheNonces() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(11, 12), message());
        List<SignCommitment> commitments = List.of(round1("ALPHA", signId, r), round1("BRAVO", signId, r));
        SignRound1Request changed = request(List.of(11, 12), message());
        assertRefused(
                409, "another request", post("ALPHA", signId, "round2", new SignRound2Request(changed, commitments)));
        assertRefused(409, "no signing waits", post("ALPHA", signId, "round2", new SignRound2Request(r, commitments)));
    }

    @Test
    void roundTwoAfterAbortIsRefused() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(11, 12), message());
        List<SignCommitment> commitments = List.of(round1("ALPHA", signId, r), round1("BRAVO", signId, r));
        assertEquals(200, post("ALPHA", signId, "abort", Map.of()).statusCode());
        assertRefused(409, "no signing waits", post("ALPHA", signId, "round2", new SignRound2Request(r, commitments)));
        assertEquals(200, post("ALPHA", signId, "abort", Map.of()).statusCode(), "abort is idempotent");
    }

    @Test
    void aCoSignerCommitmentNotSignedByItsIdentityKeyIsRefusedNamingIt() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(11, 12), message());
        SignCommitment own = round1("ALPHA", signId, r);
        SignCommitment bravo = round1("BRAVO", signId, r);
        IdentityKeys stranger = IdentityKeys.generate(RANDOM);
        SignCommitment forged =
                signedAs(stranger, signId, r, 12, Hex.decode(bravo.hiding(), "h"), Hex.decode(bravo.binding(), "b"));
        assertRefused(422, "BRAVO", post("ALPHA", signId, "round2", new SignRound2Request(r, List.of(own, forged))));
    }

    @Test
    void anIdentityPointCommitmentIsRefusedEvenWhenProperlySigned() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(11, 12), message());
        SignCommitment own = round1("ALPHA", signId, r);
        SignCommitment bravo = round1("BRAVO", signId, r);
        byte[] identity = new byte[32];
        identity[0] = 1;
        SignCommitment bad = signedAs(rogue.keys(), signId, r, 12, identity, Hex.decode(bravo.binding(), "b"));
        HttpResponse<String> a = post("ALPHA", signId, "round2", new SignRound2Request(r, List.of(own, bad)));
        assertRefused(422, "culprit server BRAVO", a);
        RefusalShape.blames(a.body(), 12, "BRAVO", "INVALID_ELEMENT", false);
    }

    @Test
    void itsOwnCommitmentChangedIsRefused() throws Exception {
        UUID signId = UUID.randomUUID();
        SignRound1Request r = request(List.of(11, 12), message());
        round1("ALPHA", signId, r);
        SignCommitment bravo = round1("BRAVO", signId, r);
        byte[] other = SUITE.curve()
                .multiplyBase(BigInteger.valueOf(RANDOM.nextInt(1 << 30) + 2))
                .encode();
        IdentityKeys alphaKeys = NodeSecrets.identity(cluster.node("ALPHA").data);
        SignCommitment swapped = signedAs(alphaKeys, signId, r, 11, other, other);
        HttpResponse<String> a = post("ALPHA", signId, "round2", new SignRound2Request(r, List.of(swapped, bravo)));
        assertEquals(422, a.statusCode(), a.body());
        assertTrue(a.body().contains("commitments"), a.body());
        assertTrue(a.body().contains("culprit: the coordinator"), a.body());
    }

    @Test
    void aSignerSetThatIsNotValidIsRefusedAtRoundOne() throws Exception {
        byte[] m = message();
        assertRefused(422, "holds no share", post("ALPHA", UUID.randomUUID(), "round1", request(List.of(11, 14), m)));
        assertRefused(422, "needs 2", post("ALPHA", UUID.randomUUID(), "round1", request(List.of(11), m)));
        assertRefused(422, "twice", post("ALPHA", UUID.randomUUID(), "round1", request(List.of(11, 11), m)));
        assertRefused(
                422, "not in the signer set", post("ALPHA", UUID.randomUUID(), "round1", request(List.of(12, 13), m)));
        assertRefused(
                400,
                "hardened",
                post(
                        "ALPHA",
                        UUID.randomUUID(),
                        "round1",
                        new SignRound1Request(keyId.toString(), "m/44'", "", List.of(11, 12), Hex.encode(m))));
        assertRefused(
                400,
                "65536",
                post(
                        "ALPHA",
                        UUID.randomUUID(),
                        "round1",
                        request(List.of(11, 12), new byte[SignRound1Request.MAX_MESSAGE + 1])));
        assertRefused(
                404,
                "no such key",
                post(
                        "ALPHA",
                        UUID.randomUUID(),
                        "round1",
                        new SignRound1Request(UUID.randomUUID().toString(), "m", "", List.of(11, 12), Hex.encode(m))));
    }

    @Test
    void theSignaturesOfTwoSigningsDiffer() throws Exception {
        byte[] m = message();
        try (Vault vault = cluster.openVault();
                Workspace ws = Workspace.open(cluster.home, vault)) {
            SignResult a = ws.sign(new SignRequest(keyId, DerivationPath.ROOT, null, m, null, null, null))
                    .promise()
                    .join();
            SignResult b = ws.sign(new SignRequest(keyId, DerivationPath.ROOT, null, m, null, null, null))
                    .promise()
                    .join();
            assertNotEquals(a.signature(), b.signature(), "fresh nonces every time, never deterministic");
        }
    }

    private static SignCommitment signedAs(
            IdentityKeys keys, UUID signId, SignRound1Request r, int sender, byte[] hiding, byte[] binding) {
        byte[] message = Hex.decode(r.message(), "message");
        byte[] sig = keys.signSigningMessage(
                SignTranscript.commitment(SignTranscript.requestHash(signId, r, message), sender, hiding, binding));
        return new SignCommitment(sender, Hex.encode(hiding), Hex.encode(binding), Hex.encode(sig));
    }
}
