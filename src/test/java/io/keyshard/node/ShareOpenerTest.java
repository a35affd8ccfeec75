package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Framing;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Sealer;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import io.keyshard.dkg.DkgParticipant;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.dkg.ShareContext;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.PeerEntry;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored share opens for use only with the public context it was made with (group key, every
 * verification share, threshold, participants, chain code) and only when x_j·G is the node's
 * verification share; a share sealed in the earlier format still opens, and opening writes nothing.
 */
class ShareOpenerTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private NodeFiles files;
    private int peersMade; // each keygen pins its own made-up peer
    private NodeConfig config;
    private String clientId;
    private NodeIdentity identity;
    private ShareSealer sealer;
    private ShareStore store;

    @BeforeEach
    void node() throws Exception {
        Path data = dir.resolve("node");
        clientId = NodeInitializer.init(data, new NodeConfig("OFFICIAL_1", 1, 1, "127.0.0.1", "127.0.0.1"), RANDOM)
                .clientId();
        files = new NodeFiles(data);
        config = files.readConfig();
        identity = NodeIdentity.load(files);
        sealer = ShareSealer.open(files, config.id());
        store = ShareStore.open(files);
    }

    @AfterEach
    void close() {
        store.close();
        sealer.close();
        identity.close();
    }

    @Test
    void aFreshShareOpensWithItsContextOnEveryCurveFamily() throws Exception {
        for (CurveName curve : List.of(CurveName.SECP256K1_SCHNORR, CurveName.ED25519, CurveName.P384)) {
            UUID keyId = keygen(curve);
            ShareOpener.HeldShare held = opener().open(keyId).orElseThrow();
            assertEquals(ShareSealer.FORMAT_VERSION, held.sealedFormat());
            assertEquals(curve, held.context().curveName());
            assertEquals(2, held.context().threshold());
            assertEquals(
                    held.context().verificationShares().get(1), held.share().publicShare());
            assertEquals(
                    held.context().groupKey(),
                    curve.curve().decodePublicKey(held.context().rootPublicKey()));
            held.destroy();
        }
        assertTrue(opener().open(UUID.randomUUID()).isEmpty(), "no share, nothing to open");
    }

    @Test
    void aChangedPublicResultIsRefused() throws Exception {
        UUID keyId = keygen(CurveName.SECP256K1);
        alterResult(keyId, r -> withChainCode(r, new byte[32]));
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> opener().open(keyId));
        assertFalse(e.getMessage().contains(keyId.toString()), e.getMessage());
    }

    @Test
    void aPublicResultChangedAfterAnOpenIsCheckedAgainAndRefused() throws Exception {
        UUID keyId = keygen(CurveName.ED25519);
        ShareOpener opener = opener();
        opener.open(keyId).orElseThrow().destroy();
        String json = store.find(keyId).orElseThrow().publicResult();
        KeygenService.PublicResult stored = StrictJson.mapper().readValue(json, KeygenService.PublicResult.class);
        String altered = StrictJson.mapper()
                .writeValueAsString(
                        new KeygenService.PublicResult(stored.setup(), withChainCode(stored.result(), new byte[32])));
        updateUnderRunningOpener(keyId, "public_result", altered);
        assertThrows(GeneralSecurityException.class, () -> opener.open(keyId));
    }

    @Test
    void aShareThatIsNotTheNodesVerificationShareIsRefused() throws Exception {
        UUID keyId = keygen(CurveName.ED25519);
        Round3Message result = storedResult(keyId);
        Scalar other = CurveName.ED25519.curve().scalars().random(RANDOM);
        // sealed correctly under the right context, as a bug in round 3 would have stored it
        setSealed(keyId, sealer.seal(keyId, "ED25519", ShareContext.bindingHash(result), other.encode()));
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> opener().open(keyId));
        assertTrue(e.getMessage().contains("verification share"), e.getMessage());
    }

    @Test
    void aShareReplacedAfterAnOpenIsCheckedAgainAndRefused() throws Exception {
        UUID keyId = keygen(CurveName.ED25519);
        ShareOpener opener = opener();
        opener.open(keyId).orElseThrow().destroy();
        Round3Message result = storedResult(keyId);
        Scalar other = CurveName.ED25519.curve().scalars().random(RANDOM);
        byte[] wrong = sealer.seal(keyId, "ED25519", ShareContext.bindingHash(result), other.encode());
        // the running opener has already checked the share it held before
        updateUnderRunningOpener(keyId, "sealed_share", wrong);
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> opener.open(keyId));
        assertTrue(e.getMessage().contains("verification share"), e.getMessage());
    }

    @Test
    void aShareSealedInTheEarlierFormatOpensIsCheckedByTheNodesSignatureAndIsNotRewritten() throws Exception {
        UUID keyId = keygen(CurveName.SECP256K1);
        ShareOpener.HeldShare fresh = opener().open(keyId).orElseThrow();
        byte[] plain = fresh.share().encoded();
        fresh.destroy();
        byte[] legacy = legacySeal(keyId, "SECP256k1", plain);
        setSealed(keyId, legacy);
        ShareOpener.HeldShare held = opener().open(keyId).orElseThrow();
        assertEquals(ShareSealer.LEGACY_VERSION, held.sealedFormat());
        assertArrayEquals(plain, held.share().encoded());
        held.destroy();
        assertArrayEquals(legacy, store.sealedShare(keyId).orElseThrow(), "opening does not re-seal");
        // format 1 binds no context: the node's own signature over the result is what refuses a change
        alterResult(keyId, r -> withChainCode(r, new byte[32]));
        assertThrows(GeneralSecurityException.class, () -> opener().open(keyId));
    }

    private ShareOpener opener() {
        return new ShareOpener(store, sealer, config, identity.keys());
    }

    /** A 2-of-2 keygen of this node (OFFICIAL_1) with a peer held in the test, through the node's KeygenService. */
    private UUID keygen(CurveName curve) throws Exception {
        IdentityKeys peerKeys = IdentityKeys.generate(RANDOM);
        peersMade++;
        Participant peer = peerKeys.participant("OTHER_SERVER_" + peersMade, 90 + peersMade);
        Participant self = identity.keys().participant("OFFICIAL_1", 1);
        UUID keyId = UUID.randomUUID();
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        SessionSetup setup = new SessionSetup(keyId.toString(), nonce, curve.apiName(), 2, List.of(self, peer));
        PeerRoster roster = new PeerRoster(files);
        roster.add(new PeerEntry(
                peer.name(), peer.id(), null, null, Hex.encode(peer.signingKey()), Hex.encode(peer.encryptionKey())));
        try (KeygenService keygen =
                new KeygenService(config, identity, store, sealer, Duration.ofMinutes(10), RANDOM, roster)) {
            DkgParticipant p = DkgParticipant.create(setup, peer.name(), peer.id(), peerKeys, RANDOM);
            Round1Message own1 = (Round1Message) keygen.handle(clientId, keyId, "round1", json(setup));
            Round2Request req2 = new Round2Request(List.of(own1, p.round1()));
            Round2Message own2 = (Round2Message) keygen.handle(clientId, keyId, "round2", json(req2));
            Round3Request req3 = new Round3Request(List.of(own2, p.round2(req2)));
            keygen.handle(clientId, keyId, "round3", json(req3));
        }
        return keyId;
    }

    private static byte[] json(Object o) throws Exception {
        return StrictJson.mapper().writeValueAsBytes(o);
    }

    private Round3Message storedResult(UUID keyId) throws Exception {
        String json = store.find(keyId).orElseThrow().publicResult();
        return StrictJson.mapper()
                .readValue(json, KeygenService.PublicResult.class)
                .result();
    }

    private static Round3Message withChainCode(Round3Message r, byte[] chainCode) {
        return new Round3Message(
                r.sessionId(),
                r.sender(),
                r.curve(),
                r.threshold(),
                r.rootPublicKey(),
                chainCode,
                r.verificationShares(),
                r.transcriptHash(),
                r.signature());
    }

    /** What a writer of the database file alone can do: replace the public result under the sealed share. */
    private void alterResult(UUID keyId, UnaryOperator<Round3Message> change) throws Exception {
        String json = store.find(keyId).orElseThrow().publicResult();
        KeygenService.PublicResult stored = StrictJson.mapper().readValue(json, KeygenService.PublicResult.class);
        String altered = StrictJson.mapper()
                .writeValueAsString(new KeygenService.PublicResult(stored.setup(), change.apply(stored.result())));
        update(keyId, "public_result", altered);
    }

    /** A change under a running opener (a second connection in this process), as a writer of the file would make. */
    private void updateUnderRunningOpener(UUID keyId, String column, Object value) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + files.shareDatabase() + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;REUSE_SPACE=FALSE",
                        "node",
                        "");
                PreparedStatement ps = c.prepareStatement("UPDATE node_keys SET " + column + " = ? WHERE key_id = ?")) {
            ps.setObject(1, value);
            ps.setObject(2, keyId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private void setSealed(UUID keyId, byte[] sealed) throws Exception {
        update(keyId, "sealed_share", sealed);
    }

    private void update(UUID keyId, String column, Object value) throws Exception {
        store.close();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + files.shareDatabase() + ";TRACE_LEVEL_FILE=0", "node", "");
                PreparedStatement ps = c.prepareStatement("UPDATE node_keys SET " + column + " = ? WHERE key_id = ?")) {
            ps.setObject(1, value);
            ps.setObject(2, keyId);
            assertEquals(1, ps.executeUpdate());
        }
        store = ShareStore.open(files);
    }

    /** A share sealed the way the earlier build did: format 1, bound to version, node id, keyId and curve only. */
    private byte[] legacySeal(UUID keyId, String curve, byte[] plain) throws Exception {
        byte[] key = files.readRequired(files.masterKey());
        try (Sealer s = new Sealer(key)) {
            return s.seal(
                    plain,
                    Framing.Frozen.shortLengths(
                            "keyshard-share", "1", Long.toString(config.id()), keyId.toString(), curve));
        }
    }
}
