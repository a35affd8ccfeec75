package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServersConfig;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.wire.KeyState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nodes backup} and {@code nodes restore} with real node processes: a key made on the local
 * cluster is READY on a server restored into a fresh home from its backup file; a wrong password, a
 * modified file and a running server are refused with nothing written.
 */
class NodesBackupIT {
    private static final char[] PASSWORD = "it-password-123".toCharArray();

    @TempDir
    Path tmp;

    private static CliHarness.Result run(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    @Test
    void aRestoredServerHoldsTheKeyAndBadFilesWriteNothing() throws Exception {
        Path home = tmp.resolve("home");
        UUID keyId;
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault)) {
            GeneratedKey key = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.SECP256K1, 2, LocalCluster.NAMES))
                    .promise()
                    .join();
            assertEquals(KeyStatus.READY, key.record().status());
            keyId = key.keyId();
        }
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path pw = tmp.resolve("pw.txt");
        Files.writeString(pw, "node backup pass phrase\n");
        CliHarness.Result backup = run(
                home, "nodes", "backup", "--out", out.toString(), "--backup-password-file", pw.toString(), "--json");
        assertEquals(0, backup.exitCode(), backup.err());
        JsonNode rows = StrictJson.mapper().readTree(backup.out()).get("servers");
        assertEquals(3, rows.size(), backup.out());
        Path file = out.resolve("OFFICIAL_2.ksnode");
        assertEquals(file.toString(), rows.get(1).get("file").asText());
        assertFalse(Files.readString(file).contains("apiKey"), "the file is sealed");

        deleteTree(home.resolve("nodes").resolve("OFFICIAL_2"));
        Path fresh = tmp.resolve("fresh");
        CliHarness.Result restore = run(
                fresh,
                "nodes",
                "restore",
                out.toString(),
                "--server",
                "OFFICIAL_2",
                "--backup-password-file",
                pw.toString(),
                "--json");
        assertEquals(0, restore.exitCode(), restore.err());
        JsonNode restored =
                StrictJson.mapper().readTree(restore.out()).get("servers").get(0);
        assertEquals("OFFICIAL_2", restored.get("name").asText());
        assertFalse(restored.get("replaced").asBoolean());
        try (LocalCluster cluster = LocalCluster.startServers(fresh, List.of("OFFICIAL_2"))) {
            assertTrue(cluster.failures().isEmpty(), cluster.failures().toString());
            NodeConnection c = new NodeConnection(
                    "OFFICIAL_2",
                    ServersConfig.load(fresh).get("OFFICIAL_2"),
                    LocalCluster.apiKey(fresh, "OFFICIAL_2"));
            try {
                assertEquals(
                        KeyState.READY,
                        c.keyStatus(keyId, Duration.ofSeconds(20)).join().status());
            } finally {
                c.wipe();
            }
            CliHarness.Result running = run(
                    fresh,
                    "nodes",
                    "restore",
                    out.toString(),
                    "--server",
                    "OFFICIAL_2",
                    "--backup-password-file",
                    pw.toString());
            assertEquals(3, running.exitCode(), running.err());
            assertTrue(running.err().contains("OFFICIAL_2 is running"), running.err());
        }
        CliHarness.Result again = run(
                fresh,
                "nodes",
                "restore",
                out.toString(),
                "--server",
                "OFFICIAL_2",
                "--backup-password-file",
                pw.toString(),
                "--json");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(
                StrictJson.mapper()
                        .readTree(again.out())
                        .get("servers")
                        .get(0)
                        .get("replaced")
                        .asBoolean(),
                "the same server may be restored over itself");

        // OFFICIAL_1 of the fresh home is another server that holds shares (here: a copy of OFFICIAL_2's folder)
        Path impostor = fresh.resolve("nodes").resolve("OFFICIAL_1");
        copyTree(fresh.resolve("nodes").resolve("OFFICIAL_2"), impostor);
        byte[] before = Files.readAllBytes(impostor.resolve("data").resolve("tls-cert.der"));
        CliHarness.Result other1 = run(
                fresh,
                "nodes",
                "restore",
                out.toString(),
                "--server",
                "OFFICIAL_1",
                "--backup-password-file",
                pw.toString());
        assertEquals(2, other1.exitCode(), other1.err());
        assertTrue(other1.err().contains("another identity") && other1.err().contains("holds shares"), other1.err());
        assertTrue(
                Arrays.equals(
                        before, Files.readAllBytes(impostor.resolve("data").resolve("tls-cert.der"))),
                "the other server's folder is untouched");

        Path wrongPw = tmp.resolve("wrong.txt");
        Files.writeString(wrongPw, "another pass phrase\n");
        Path other = tmp.resolve("other");
        CliHarness.Result wrong =
                run(other, "nodes", "restore", out.toString(), "--backup-password-file", wrongPw.toString());
        assertEquals(3, wrong.exitCode(), wrong.err());
        assertTrue(
                wrong.err().contains("wrong backup password, or the file")
                        && wrong.err().contains("nothing was restored"),
                wrong.err());

        Path tamperedDir = Files.createDirectory(tmp.resolve("tampered"));
        ObjectNode env = (ObjectNode) StrictJson.mapper().readTree(Files.readAllBytes(file));
        char[] sealed = env.get("sealed").asText().toCharArray();
        sealed[sealed.length / 2] = sealed[sealed.length / 2] == 'A' ? 'B' : 'A';
        env.put("sealed", new String(sealed));
        Files.write(
                tamperedDir.resolve("OFFICIAL_2.ksnode"), StrictJson.mapper().writeValueAsBytes(env));
        CliHarness.Result tampered =
                run(other, "nodes", "restore", tamperedDir.toString(), "--backup-password-file", pw.toString());
        assertEquals(3, tampered.exitCode(), tampered.err());
        assertTrue(tampered.err().contains("was modified"), tampered.err());
        assertFalse(Files.exists(other.resolve("nodes").resolve("OFFICIAL_2")), "nothing was written");
        assertFalse(Files.exists(other.resolve("servers.json")), "nothing was written");

        CliHarness.Result back = run(
                home,
                "nodes",
                "restore",
                out.toString(),
                "--server",
                "OFFICIAL_2",
                "--backup-password-file",
                pw.toString());
        assertEquals(0, back.exitCode(), back.err());
        assertTrue(Files.isRegularFile(home.resolve("nodes/OFFICIAL_2/data/shares.mv.db")));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                if (!p.getFileName().toString().equals("node.pid")) {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
