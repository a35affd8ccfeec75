package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeInitializer;
import io.keyshard.node.TestNode;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.NodeEntry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's API key replaced on real nodes: {@code node rotate-client} keeps every key its owner's, and a
 * server that answers 404 for a PENDING key (a new client's key in the vault, a wiped node) does not make
 * the resolver abort the shares the other servers hold.
 */
class CredentialRotationIT {
    private static final String PASSWORD = "rotation-it-password";

    @TempDir
    static Path dir;

    static Path home;
    static RemoteCluster cluster;
    /** Each server's API key of the one client that owns the keys here (rotation replaces it). */
    static final Map<String, String> ownerKeys = new ConcurrentHashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        home = dir.resolve("home");
        cluster = new RemoteCluster(home, dir.resolve("nodes"));
        try (Vault vault = Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1))) {
            cluster.register(vault);
        }
        cluster.nodes.forEach((name, node) -> ownerKeys.put(name, node.entry.apiKey()));
    }

    @AfterAll
    static void tearDown() {
        cluster.close();
    }

    private static Vault openVault() {
        return Vault.open(home, PASSWORD.toCharArray());
    }

    /** The entry an operator hands over, with the node's address of this run (tests listen on a free port). */
    private static byte[] entryFile(TestNode node, NodeEntry issued) throws Exception {
        NodeEntry e = new NodeEntry(issued.name(), issued.id(), node.url(), issued.certSha256(), issued.apiKey());
        return StrictJson.mapper().writeValueAsBytes(e);
    }

    /** What {@code server} says about a key when its owner asks: PENDING, READY, ABORTED..., or UNKNOWN (404). */
    private static String status(String server, UUID keyId) throws Exception {
        var r = cluster.node(server).send(ownerKeys.get(server), "/v1/keys/" + keyId, null);
        return r.statusCode() == 404
                ? "UNKNOWN"
                : StrictJson.mapper().readTree(r.body()).get("status").asText();
    }

    private static KeyState statusVia(Workspace ws, String server, UUID keyId) {
        return ws.connect(List.of(server))
                .get(0)
                .keyStatus(keyId, Duration.ofSeconds(20))
                .join()
                .status();
    }

    /** A key left PENDING in the vault and on every server: the client died right after round 3. */
    private static UUID pendingKey() throws Exception {
        return pendingKey("3", "PENDING");
    }

    /** A PENDING record left by a client that died once every server answered {@code round}. */
    private static UUID pendingKey(String round, String serverStatus) throws Exception {
        Set<UUID> before = new HashSet<>();
        try (Vault vault = openVault()) {
            vault.list().forEach(r -> before.add(r.keyId()));
        }
        Process child = KeygenChild.launch(home, PASSWORD, round, RemoteCluster.NAMES);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the client process ends");
        assertEquals(42, child.exitValue(), "the client died after round " + round);
        try (Vault vault = openVault()) {
            UUID keyId = vault.list().stream()
                    .map(r -> r.keyId())
                    .filter(id -> !before.contains(id))
                    .findFirst()
                    .orElseThrow();
            assertEquals(KeyStatus.PENDING, vault.get(keyId).orElseThrow().status());
            for (String s : RemoteCluster.NAMES) {
                assertEquals(serverStatus, status(s, keyId), s);
            }
            return keyId;
        }
    }

    @Test
    void aRotatedApiKeyKeepsEveryKeyItsOwners() throws Exception {
        TestNode bravo = cluster.node("BRAVO");
        UUID keyId;
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            keyId = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.SECP256K1, 2, RemoteCluster.NAMES))
                    .promise()
                    .join()
                    .keyId();
        }
        NodeInitializer.Issued rotated = NodeInitializer.rotateClient(bravo.data, bravo.clientId, new SecureRandom());
        assertEquals(bravo.clientId, rotated.clientId());
        String old = ownerKeys.put("BRAVO", rotated.entry().apiKey());
        assertEquals(401, bravo.send(old, "/v1/keys/" + keyId, null).statusCode(), "old key");

        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            assertEquals("BRAVO", ws.addServer(entryFile(bravo, rotated.entry())));
            assertEquals(KeyState.READY, statusVia(ws, "BRAVO", keyId), "the new key answers as the key's owner");
            GeneratedKey next = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.ED25519, 3, RemoteCluster.NAMES))
                    .promise()
                    .join();
            assertEquals(KeyStatus.READY, next.record().status(), "and new keys are made with it");
        }
    }

    @Test
    void oneServerThatDoesNotKnowAPendingKeyAbortsNothingElsewhere() throws Exception {
        TestNode charlie = cluster.node("CHARLIE");
        UUID keyId = pendingKey();
        // the earlier remedy for a leaked key: a new client on CHARLIE, whose keys are not the old client's
        NodeInitializer.Issued other = NodeInitializer.addClient(charlie.data, new SecureRandom());
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            ws.addServer(entryFile(charlie, other.entry()));
            List<ResolvedKey> outcome = ws.resolvePending();
            ResolvedKey mine = outcome.stream()
                    .filter(o -> o.keyId().equals(keyId))
                    .findFirst()
                    .orElseThrow();
            assertEquals(ResolvedKey.Change.UNCHANGED, mine.change(), mine.note());
            assertTrue(mine.note().contains("CHARLIE"), mine.note());
            assertEquals(KeyStatus.PENDING, vault.get(keyId).orElseThrow().status());
        }
        assertEquals("PENDING", status("ALPHA", keyId), "ALPHA's share is kept");
        assertEquals("PENDING", status("BRAVO", keyId), "BRAVO's share is kept");
        assertEquals("PENDING", status("CHARLIE", keyId), "CHARLIE still holds it for its owner");

        // the owner's credential back, through rotation: the key is finished on the next start
        NodeInitializer.Issued back = NodeInitializer.rotateClient(charlie.data, charlie.clientId, new SecureRandom());
        ownerKeys.put("CHARLIE", back.entry().apiKey());
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            ws.addServer(entryFile(charlie, back.entry()));
            ws.resolvePending();
            assertEquals(KeyStatus.READY, vault.get(keyId).orElseThrow().status());
            for (String s : RemoteCluster.NAMES) {
                assertEquals(KeyState.READY, statusVia(ws, s, keyId), s);
            }
        }
    }

    @Test
    void aPendingKeyNoOtherServerStillHoldsIsAbortedAsBefore() throws Exception {
        // Before round 3 a server aborts on the owner's word (after it, only on a peer's signed statement).
        UUID keyId = pendingKey("2", "IN_PROGRESS");
        for (String s : List.of("ALPHA", "BRAVO")) {
            TestNode n = cluster.node(s);
            var r = n.send(ownerKeys.get(s), "/v1/keygen/" + keyId + "/abort", "{}");
            assertEquals(200, r.statusCode(), r.body());
        }
        TestNode charlie = cluster.node("CHARLIE");
        NodeInitializer.Issued stranger = NodeInitializer.addClient(charlie.data, new SecureRandom());
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            ws.addServer(entryFile(charlie, stranger.entry()));
            ResolvedKey mine = ws.resolvePending().stream()
                    .filter(o -> o.keyId().equals(keyId))
                    .findFirst()
                    .orElseThrow();
            assertEquals(ResolvedKey.Change.ABORTED, mine.change(), mine.note());
            assertEquals(KeyStatus.FAILED, vault.get(keyId).orElseThrow().status());
            ws.addServer(entryFile(
                    charlie,
                    new NodeEntry("CHARLIE", 13, charlie.url(), charlie.entry.certSha256(), ownerKeys.get("CHARLIE"))));
        }
        assertEquals("IN_PROGRESS", status("CHARLIE", keyId), "the unknown server's session is not reached");
    }
}
