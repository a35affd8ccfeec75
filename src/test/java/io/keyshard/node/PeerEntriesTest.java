package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.Participant;
import io.keyshard.wire.PeerEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the local cluster's nodes come to pin each other, also in folders made before rosters existed. */
class PeerEntriesTest {
    @TempDir
    Path dir;

    private Path node(String name, int id) throws Exception {
        Path data = dir.resolve(name);
        NodeInitializer.init(data, new NodeConfig(name, id, 1, "127.0.0.1", "127.0.0.1"), new SecureRandom());
        return data;
    }

    private static List<String> pinned(Path data) throws Exception {
        return new PeerRoster(new NodeFiles(data))
                .list().stream().map(PeerRoster.Peer::name).sorted().toList();
    }

    @Test
    void clusterFoldersPinEachOtherAndAFolderWithoutARosterIsPinnedAgain() throws Exception {
        List<Path> folders = List.of(node("OFFICIAL_1", 1), node("OFFICIAL_2", 2), node("OFFICIAL_3", 3));
        assertTrue(PeerEntries.pinEachOther(folders));
        assertEquals(List.of("OFFICIAL_2", "OFFICIAL_3"), pinned(folders.get(0)));
        assertEquals(List.of("OFFICIAL_1", "OFFICIAL_3"), pinned(folders.get(1)));
        assertFalse(PeerEntries.pinEachOther(folders), "pinning again changes nothing");

        Files.delete(folders.get(2).resolve("peers.json")); // a folder made before rosters existed
        assertEquals(List.of(), pinned(folders.get(2)));
        assertTrue(PeerEntries.pinEachOther(folders));
        assertEquals(List.of("OFFICIAL_1", "OFFICIAL_2"), pinned(folders.get(2)));
    }

    @Test
    void aStalePinOfAClusterNodeIsReplacedByItsCurrentKeys() throws Exception {
        List<Path> folders = List.of(node("OFFICIAL_1", 1), node("OFFICIAL_2", 2));
        Participant old = IdentityKeys.generate(new SecureRandom()).participant("OFFICIAL_2", 2);
        new PeerRoster(new NodeFiles(folders.get(0)))
                .add(new PeerEntry(
                        "OFFICIAL_2", 2, null, null, Hex.encode(old.signingKey()), Hex.encode(old.encryptionKey())));
        PeerEntries.pinEachOther(folders);
        assertEquals(
                PeerEntries.own(folders.get(1)).signingKey(),
                new PeerRoster(new NodeFiles(folders.get(0))).list().get(0).signingKey(),
                "the folder restored from a backup, or re-created, is pinned with the keys it has now");
    }

    @Test
    void anEntryWithoutIdentityKeysIsRefusedWithTheCommandThatPrintsOne() {
        String old = "{\"name\":\"EDGE\",\"id\":40,\"url\":\"https://10.0.0.5:7443\",\"certSha256\":\""
                + "ab".repeat(32) + "\",\"apiKey\":\"ksk_x\"}";
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PeerEntries.parse(old.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("node peers export"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> PeerEntries.parse("{\"name\":\"EDGE\",\"id\":40,\"nick\":1}".getBytes(StandardCharsets.UTF_8)));
    }
}
