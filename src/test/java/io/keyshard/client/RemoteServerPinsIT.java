package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeFiles;
import io.keyshard.node.PeerEntries;
import io.keyshard.node.PeerRoster;
import io.keyshard.node.TestNode;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import io.keyshard.wire.PeerEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote server added on this computer makes keys with this computer's own servers: adding it pins it on
 * OFFICIAL_1..3, its operator pins their entries, and a key made on OFFICIAL_1, OFFICIAL_2 and it signs.
 * Real node processes for the local servers, an in-process node for the remote one.
 */
class RemoteServerPinsIT {
    private static final List<String> MIXED = List.of("OFFICIAL_1", "OFFICIAL_2", "REMOTE_A");

    @TempDir
    Path home;

    @Test
    void aRemoteServerAddedHereMakesAndSignsKeysWithTheLocalServersOnceEachSidePinsTheOther() throws Exception {
        Vault vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        try (Workspace ws = Workspace.open(home, vault);
                TestNode remote = new TestNode(home.resolve("remote-a"), "REMOTE_A", 31, Duration.ofMinutes(5))) {
            ws.startLocalCluster();
            ws.addServer(entry(remote));
            for (String local : LocalCluster.NAMES) {
                assertTrue(pins(local, "REMOTE_A"), local + " pins the server added here");
            }

            // REMOTE_A's operator has not pinned this computer's servers yet: it answers and refuses
            CompletionException refused = assertThrows(CompletionException.class, () -> keygen(ws));
            ServerException why = serverException(refused);
            assertEquals("REMOTE_A", why.server());
            assertEquals(409, why.status(), why.getMessage());
            assertTrue(why.getMessage().contains("is not a pinned peer"), why.getMessage());

            List<PeerEntry> ours = ws.localServerEntries();
            assertEquals(LocalCluster.NAMES, ours.stream().map(PeerEntry::name).toList());
            String printed = StrictJson.mapper().writeValueAsString(ours);
            assertFalse(printed.contains("apiKey"), "the entries for another operator carry no API key");
            PeerRoster remoteRoster = new PeerRoster(new NodeFiles(remote.data));
            for (PeerEntry e : ours) {
                remoteRoster.add(PeerEntries.parse(StrictJson.mapper().writeValueAsBytes(e)));
            }

            GeneratedKey key = keygen(ws);
            assertEquals(MIXED, vault.get(key.keyId()).orElseThrow().servers());
            SignResult signed = ws.sign(new SignRequest(
                            key.keyId(),
                            DerivationPath.parse("m/0/1"),
                            null,
                            "made here and there".getBytes(StandardCharsets.UTF_8),
                            List.of("OFFICIAL_1", "REMOTE_A"),
                            null,
                            Network.MAINNET))
                    .promise()
                    .join();
            assertEquals(
                    List.of("OFFICIAL_1", "REMOTE_A"),
                    signed.signers(),
                    "verified under the derived key before it is returned");

            ws.removeServer("REMOTE_A");
            for (String local : LocalCluster.NAMES) {
                assertFalse(pins(local, "REMOTE_A"), local + " no longer pins a removed server");
            }
        } finally {
            vault.close();
        }
    }

    @Test
    void aServerSetUpAgainUnderTheSameNameIsRefusedUntilTheOldOneIsRemoved() throws Exception {
        Vault vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        try (Workspace ws = Workspace.open(home, vault);
                TestNode first = new TestNode(home.resolve("remote-a"), "REMOTE_A", 31, Duration.ofMinutes(5));
                TestNode again = new TestNode(home.resolve("remote-a2"), "REMOTE_A", 31, Duration.ofMinutes(5))) {
            ws.startLocalCluster();
            ws.addServer(entry(first));
            String listed = Files.readString(home.resolve("servers.json"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ws.addServer(entry(again)));
            assertTrue(
                    e.getMessage().contains("already pin REMOTE_A with another id or other identity keys"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("remove the server here, then add the new entry"), e.getMessage());
            assertEquals(listed, Files.readString(home.resolve("servers.json")), "nothing written");
            ws.removeServer("REMOTE_A");
            ws.addServer(entry(again));
            assertTrue(Files.readString(home.resolve("servers.json")).contains(again.url()));
        } finally {
            vault.close();
        }
    }

    private boolean pins(String local, String peer) throws Exception {
        return new PeerRoster(new NodeFiles(LocalCluster.dataFolder(home, local)))
                .list().stream().anyMatch(p -> p.name().equals(peer));
    }

    /** The whole entry 'keyshard node init' prints for {@code node}: its client part and its identity keys. */
    private static byte[] entry(TestNode node) throws Exception {
        PeerEntry identity = PeerEntries.own(node.data);
        ObjectNode o = StrictJson.mapper().valueToTree(node.entry);
        o.put("url", node.url());
        o.put("signingKey", identity.signingKey());
        o.put("encryptionKey", identity.encryptionKey());
        return StrictJson.mapper().writeValueAsBytes(o);
    }

    private static GeneratedKey keygen(Workspace ws) {
        return ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(CurveName.ED25519, 2, MIXED))
                .promise()
                .join();
    }

    private static ServerException serverException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServerException se) {
                return se;
            }
        }
        throw new AssertionError("no server's answer in " + t, t);
    }
}
