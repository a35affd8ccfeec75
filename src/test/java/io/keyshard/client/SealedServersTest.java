package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import io.keyshard.wire.NodeEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone who can write servers.json or a local server's entry.json, but not read the vault, points a
 * server at a host of their own (a real TLS listener here, with its own pinned certificate): the key
 * generation is refused naming that server, and the listener never sees a connection.
 */
class SealedServersTest {
    private static final String PIN = "ab".repeat(32);
    private static final String API_KEY = "ksk_the-real-api-key";
    private static final String ADDED_URL = "https://127.0.0.1:1";

    @TempDir
    Path dir;

    private Path home;
    private Vault vault;
    private RawTlsServer rogue;

    @BeforeEach
    void setUp() throws Exception {
        home = dir.resolve("home");
        vault = Vault.create(home, "sealed servers test password".toCharArray(), new KdfParams(256, 1, 1));
        rogue = new RawTlsServer(dir.resolve("rogue"), r -> RawTlsServer.Reply.ok("{}"));
    }

    @AfterEach
    void tearDown() throws Exception {
        rogue.close();
        vault.close();
    }

    private void addRemote(String name, int id) throws Exception {
        RemoteServers.add(home, vault, new NodeEntry(name, id, ADDED_URL, PIN, API_KEY));
    }

    /** Edits servers.json as text, the way a sync tool or another program would. */
    private void pointAtRogue(Path file, String url, String pin) throws Exception {
        String text = Files.readString(file).replace(url, rogue.url()).replace(pin, rogue.certSha256);
        Files.writeString(file, text);
    }

    private KeygenException keygenFails(List<String> servers) {
        try (Workspace ws = Workspace.open(home, vault)) {
            CompletionException e = assertThrows(
                    CompletionException.class,
                    () -> ws.call(
                                    ComponentModule.GENERATE_KEY_SHARE,
                                    new KeygenRequest(CurveName.SECP256K1, 2, servers))
                            .promise()
                            .join());
            return (KeygenException) e.getCause();
        }
    }

    @Test
    void aRemoteServerPointedElsewhereInServersJsonIsRefusedAndItsKeyNotSent() throws Exception {
        addRemote("BRAVO", 12);
        addRemote("CHARLIE", 13);
        pointAtRogue(home.resolve("servers.json"), ADDED_URL, PIN);
        assertEquals(rogue.url(), ServersConfig.load(home).get("BRAVO").url(), "the file now names the rogue host");

        KeygenException refused = keygenFails(List.of("BRAVO", "CHARLIE"));

        assertEquals("BRAVO", refused.server(), refused.getMessage());
        assertEquals(ExitCoded.SERVER, refused.exitCode());
        assertTrue(refused.getMessage().contains("server BRAVO"), refused.getMessage());
        assertTrue(refused.getMessage().contains("was not sent"), refused.getMessage());
        assertTrue(refused.getMessage().contains("servers add --entry"), refused.getMessage());
        assertEquals(0, rogue.accepted.get(), "no connection reached the host servers.json now names");
        assertTrue(vault.list().isEmpty(), "no record for a run that never started");
    }

    @Test
    void onlyTheCertificateChangedIsRefusedToo() throws Exception {
        addRemote("BRAVO", 12);
        Path file = home.resolve("servers.json");
        Files.writeString(file, Files.readString(file).replace(PIN, "cd".repeat(32)));

        KeygenException refused = assertThrows(
                KeygenException.class,
                () -> SealedServers.remoteKey(
                        vault, "BRAVO", ServersConfig.load(home).get("BRAVO")));
        assertEquals("BRAVO", refused.server());
        assertTrue(refused.getMessage().contains(PIN), "says which certificate it was added with");
    }

    @Test
    void anEntryAsAddedReleasesItsKeyAndAddingItAgainMovesIt() throws Exception {
        addRemote("BRAVO", 12);
        char[] key =
                SealedServers.remoteKey(vault, "BRAVO", ServersConfig.load(home).get("BRAVO"));
        assertArrayEquals(API_KEY.toCharArray(), key);

        RemoteServers.add(home, vault, new NodeEntry("BRAVO", 12, rogue.url(), rogue.certSha256, "ksk_new"));
        assertArrayEquals(
                "ksk_new".toCharArray(),
                SealedServers.remoteKey(vault, "BRAVO", ServersConfig.load(home).get("BRAVO")));

        RemoteServers.remove(home, vault, "BRAVO");
        assertTrue(vault.getSecret(ServerCredentials.secretName("BRAVO")).isEmpty(), "removed with its server");
    }

    @Test
    void aHomeFromAnEarlierVersionIsBoundOnUnlockAndRefusesChangesAfterwards() throws Exception {
        vault.putSecret(SealedServers.LEGACY + "BRAVO", API_KEY.getBytes(StandardCharsets.UTF_8));
        ServersConfig.load(home)
                .with("BRAVO", new ServerInfo(ADDED_URL, 12, PIN, false))
                .save();

        Workspace.open(home, vault).close();

        assertTrue(vault.getSecret(SealedServers.LEGACY + "BRAVO").isEmpty(), "the unbound key is gone");
        assertArrayEquals(
                API_KEY.toCharArray(),
                SealedServers.remoteKey(vault, "BRAVO", ServersConfig.load(home).get("BRAVO")));
        addRemote("CHARLIE", 13);
        pointAtRogue(home.resolve("servers.json"), ADDED_URL, PIN);

        KeygenException refused = keygenFails(List.of("BRAVO", "CHARLIE"));
        assertEquals("BRAVO", refused.server(), refused.getMessage());
        assertEquals(0, rogue.accepted.get());
    }

    /** A local cluster folder as LocalCluster leaves it: the cluster's API key and the node's public entry. */
    private Path localServer(String name, int id, String key) throws Exception {
        Path folder = home.resolve("nodes").resolve(name);
        Files.createDirectories(folder);
        OwnerOnlyFiles.write(folder.resolve("client.key"), key.getBytes(StandardCharsets.US_ASCII));
        ServerInfo info = new ServerInfo(ADDED_URL, id, PIN, true);
        OwnerOnlyFiles.write(folder.resolve("entry.json"), StrictJson.pretty().writeValueAsBytes(info));
        ServersConfig.load(home).with(name, info).save();
        return folder;
    }

    @Test
    void aLocalServerWhoseEntryFilesPointElsewhereIsRefusedBeforeAnyConnection() throws Exception {
        Path folder = localServer("OFFICIAL_1", 1, "ksk_local-cluster-key");
        Workspace.open(home, vault).close(); // the unlock binds the folder as it is
        pointAtRogue(folder.resolve("entry.json"), ADDED_URL, PIN);
        pointAtRogue(home.resolve("servers.json"), ADDED_URL, PIN);

        KeygenException refused = keygenFails(List.of("OFFICIAL_1", "OFFICIAL_2"));

        assertEquals("OFFICIAL_1", refused.server(), refused.getMessage());
        assertTrue(refused.getMessage().contains("server OFFICIAL_1"), refused.getMessage());
        assertTrue(refused.getMessage().contains("was not sent"), refused.getMessage());
        assertEquals(0, rogue.accepted.get(), "not even a health check reached the host the files now name");
        assertFalse(Files.exists(home.resolve("nodes").resolve("OFFICIAL_2")), "no node was started or made");
    }

    @Test
    void aLocalKeyIsReleasedOnlyToThePinItWasFirstSentTo() throws Exception {
        localServer("OFFICIAL_1", 1, "ksk_first");
        ServerInfo listed = ServersConfig.load(home).get("OFFICIAL_1");
        SealedServers.localKey(home, vault, "OFFICIAL_1", listed);
        ServerInfo elsewhere = new ServerInfo(rogue.url(), 1, rogue.certSha256, true);

        KeygenException refused =
                assertThrows(KeygenException.class, () -> SealedServers.localKey(home, vault, "OFFICIAL_1", elsewhere));
        assertEquals("OFFICIAL_1", refused.server());

        // a re-created or restored folder brings a key this vault never sent anywhere: bound to its new pin
        localServer("OFFICIAL_1", 1, "ksk_second");
        ServerInfo recreated = new ServerInfo(ADDED_URL, 1, "ef".repeat(32), true);
        assertArrayEquals("ksk_second".toCharArray(), SealedServers.localKey(home, vault, "OFFICIAL_1", recreated));
        assertThrows(KeygenException.class, () -> SealedServers.localKey(home, vault, "OFFICIAL_1", listed));
    }
}
