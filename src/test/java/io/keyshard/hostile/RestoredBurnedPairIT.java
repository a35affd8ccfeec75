package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.cli.CliHarness;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.LocalNodeBackup;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServerException;
import io.keyshard.client.ServersConfig;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeDataInfo;
import io.keyshard.node.NodeSecrets;
import io.keyshard.node.SetupAccess;
import io.keyshard.pairwise.SeedCheck;
import io.keyshard.sign.EcdsaVerifiers;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.PasswordSealedFile;
import io.keyshard.vault.Vault;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.SetupStatus;
import io.keyshard.wire.SignRound1Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node backup never brings back the ECDSA OT seeds of a pair burned after it (DESIGN.md 13.4,
 * selective-abort defence), with the local cluster's node processes and their H2 files: a SECP256K1
 * 2-of-3 key signs once (its pairwise setup runs), OFFICIAL_1 is backed up, then burns its pair with
 * OFFICIAL_2 when OFFICIAL_2's OT-extension message fails the KOS check. OFFICIAL_1 is restored from a
 * backup that still holds the pre-burn setup store (as backups made before setups were left out do):
 * the restored node holds no setup and refuses to sign with OFFICIAL_2 until a fresh setup, which the
 * next signing runs; every share of the key signs again and each signature verifies.
 */
class RestoredBurnedPairIT {
    private static final char[] PASSWORD = "it-password-123".toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Group G = Group.of(CurveName.SECP256K1);
    private static final String BACKUP_FORMAT = "keyshard-node-backup";

    @TempDir
    Path tmp;

    private Path home;

    @Test
    void aRestoredNodeNeverSignsWithSeedsBurnedAfterItsBackupAndEveryShareSignsAgain() throws Exception {
        home = tmp.resolve("home");
        UUID keyId;
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            keyId = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.SECP256K1, 2, LocalCluster.NAMES))
                    .promise()
                    .join()
                    .keyId();
            signAndVerify(ws, keyId, "OFFICIAL_1", "OFFICIAL_2");
            ws.stopLocalCluster();
        }
        SetupAccess.Held before = SetupAccess.read(data("OFFICIAL_1"), keyId);
        assertEquals(SetupStatus.State.COMPLETE, before.status().state());
        String burnedSetup = before.status().setupId();
        byte[] burnedSeeds = before.pairs().get(2).asSender().encode();

        // what a backup of an earlier version held: the whole folder, the setup store with its seeds included
        Map<String, String> preBurnFolder = folderFiles(home.resolve("nodes").resolve("OFFICIAL_1"));
        assertTrue(
                preBurnFolder.containsKey("data/setups.mv.db"),
                preBurnFolder.keySet().toString());
        Path pw = tmp.resolve("pw.txt");
        Files.writeString(pw, "node backup pass phrase\n");
        Path out = Files.createDirectory(tmp.resolve("out"));
        CliHarness.Result backup = cli(
                "nodes",
                "backup",
                "--out",
                out.toString(),
                "--server",
                "OFFICIAL_1",
                "--backup-password-file",
                "" + pw);
        assertEquals(0, backup.exitCode(), backup.err());
        List<String> backedUp = backedUpFiles(out.resolve("OFFICIAL_1.ksnode"), pw);
        assertTrue(backedUp.contains("data/shares.mv.db"), backedUp.toString());
        assertFalse(backedUp.stream().anyMatch(f -> f.startsWith("data/setups")), "no OT seeds in a backup");

        try (Vault vault = Vault.open(home, PASSWORD);
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            ws.startLocalCluster();
            burnPairOfOneWithTwo(keyId);
            assertSetupNeeded(keyId, "burned");
            ws.stopLocalCluster();
        }
        SetupAccess.Held burned = SetupAccess.read(data("OFFICIAL_1"), keyId);
        assertEquals(SetupStatus.State.BURNED, burned.status().state());
        assertEquals(List.of(2), burned.status().burned());

        Path old = Files.createDirectory(tmp.resolve("old"));
        writeBackup(old.resolve("OFFICIAL_1.ksnode"), preBurnFolder, pw);
        CliHarness.Result restore =
                cli("nodes", "restore", old.toString(), "--server", "OFFICIAL_1", "--backup-password-file", "" + pw);
        assertEquals(0, restore.exitCode(), restore.err());
        assertTrue(restore.err().contains(LocalNodeBackup.SETUPS_NOTE), restore.err());
        try (Stream<Path> files = Files.list(data("OFFICIAL_1"))) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("shares.mv.db"), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("setups")), "the seeds stayed out: " + names);
        }
        assertEquals(
                SetupStatus.State.NONE,
                SetupAccess.read(data("OFFICIAL_1"), keyId).status().state());

        try (Vault vault = Vault.open(home, PASSWORD);
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            ws.startLocalCluster();
            assertSetupNeeded(keyId, "no ECDSA setup with server id 2");
            signAndVerify(ws, keyId, "OFFICIAL_1", "OFFICIAL_2");
            signAndVerify(ws, keyId, "OFFICIAL_1", "OFFICIAL_3");
            ws.stopLocalCluster();
        }
        SetupAccess.Held one = SetupAccess.read(data("OFFICIAL_1"), keyId);
        SetupAccess.Held two = SetupAccess.read(data("OFFICIAL_2"), keyId);
        assertEquals(SetupStatus.State.COMPLETE, one.status().state());
        assertNotEquals(burnedSetup, one.status().setupId(), "a fresh setup replaced the burned one");
        assertEquals(one.status().setupId(), two.status().setupId());
        assertFalse(Arrays.equals(burnedSeeds, one.pairs().get(2).asSender().encode()), "the burned OTs are gone");
        assertTrue(SeedCheck.correlated(
                CurveName.SECP256K1,
                1,
                one.pairs().get(2).asSender(),
                2,
                two.pairs().get(1).asReceiver()));
    }

    /**
     * A signing of OFFICIAL_1 and OFFICIAL_2 driven by hand in which OFFICIAL_2's OT-extension message to
     * OFFICIAL_1 has its KOS check value changed, sealed and signed again with OFFICIAL_2's identity key (as a
     * modified OFFICIAL_2 would): OFFICIAL_1 names it and burns the pair.
     */
    private void burnPairOfOneWithTwo(UUID keyId) throws Exception {
        NodeConnection one = connection("OFFICIAL_1");
        NodeConnection two = connection("OFFICIAL_2");
        UUID signId = UUID.randomUUID();
        SignRound1Request r = DklsRounds.request(keyId, List.of(1, 2));
        List<DklsAnswer> round1 = List.of(
                one.sign(signId, "round1", DklsRounds.relayed(r), DklsAnswer.class, TIMEOUT)
                        .join(),
                two.sign(signId, "round1", DklsRounds.relayed(r), DklsAnswer.class, TIMEOUT)
                        .join());
        List<DklsMessage> toOne = DklsRounds.forServer(round1, 1, true);
        DklsMessage honest = DklsRounds.from(toOne, 2, 1);
        DklsMessage bad = DklsRounds.tampered(
                NodeSecrets.identity(data("OFFICIAL_2")),
                NodeSecrets.identity(data("OFFICIAL_1")),
                honest,
                signId,
                r,
                1,
                plain -> {
                    DklsCodec codec = new DklsCodec(G);
                    MulRequest m = codec.decodeMulRequest(plain, 2);
                    m.ote().tTilde()[0] ^= 1L;
                    return codec.encode(m);
                });
        DklsRoundRequest round2 = new DklsRoundRequest(r, DklsRounds.replace(toOne, honest, bad));
        ServerException refused = refusal(() ->
                one.sign(signId, "round2", round2, DklsAnswer.class, TIMEOUT).join());
        assertEquals(422, refused.status(), refused.getMessage());
        assertTrue(
                refused.getMessage().contains("OFFICIAL_2")
                        && refused.getMessage().contains("burned"),
                refused.getMessage());
    }

    /** OFFICIAL_1 refuses round 1 of a signing with OFFICIAL_2: 409 SETUP_NEEDED, for {@code why}. */
    private void assertSetupNeeded(UUID keyId, String why) throws Exception {
        SignRound1Request r = DklsRounds.request(keyId, List.of(1, 2));
        NodeConnection one = connection("OFFICIAL_1");
        ServerException refused =
                refusal(() -> one.sign(UUID.randomUUID(), "round1", DklsRounds.relayed(r), DklsAnswer.class, TIMEOUT)
                        .join());
        assertEquals(409, refused.status(), refused.getMessage());
        assertEquals("SETUP_NEEDED", refused.code());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    private static ServerException refusal(Runnable call) {
        CompletionException e = assertThrows(CompletionException.class, call::run);
        return assertInstanceOf(ServerException.class, NodeConnection.unwrap(e));
    }

    private static void signAndVerify(Workspace ws, UUID keyId, String... servers) throws Exception {
        byte[] digest = DklsRounds.digest();
        SignResult r = ws.sign(
                        new SignRequest(keyId, DerivationPath.of(7), null, digest, List.of(servers), null, null, true))
                .promise()
                .join();
        assertEquals(List.of(servers), r.signers());
        assertTrue(
                EcdsaVerifiers.bouncyCastle(CurveName.SECP256K1, r.publicKey(), digest, r.der()),
                "Bouncy Castle verifies the signature of " + List.of(servers));
    }

    private NodeConnection connection(String name) throws Exception {
        return new NodeConnection(name, ServersConfig.load(home).get(name), LocalCluster.apiKey(home, name));
    }

    private Path data(String name) {
        return home.resolve("nodes").resolve(name).resolve("data");
    }

    private CliHarness.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    /** A stopped server's folder as a backup holds it: path to base64, the node's state files of data/. */
    private static Map<String, String> folderFiles(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String top : List.of("client.key", "entry.json")) {
            files.put(top, Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve(top))));
        }
        try (Stream<Path> data = Files.list(folder.resolve("data"))) {
            for (Path p : data.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (NodeDataInfo.isState(name)) {
                    files.put("data/" + name, Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
                }
            }
        }
        return files;
    }

    private static void writeBackup(Path file, Map<String, String> files, Path pw) throws Exception {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("version", 1);
        root.put("name", "OFFICIAL_1");
        root.put("createdAt", Instant.now().toString());
        ObjectNode content = root.putObject("files");
        files.forEach(content::put);
        PasswordSealedFile.write(file, BACKUP_FORMAT, StrictJson.mapper().writeValueAsBytes(root), password(pw));
    }

    private static List<String> backedUpFiles(Path file, Path pw) throws Exception {
        byte[] plain = PasswordSealedFile.read(file, BACKUP_FORMAT, password(pw), 1L << 29, "read");
        JsonNode root = StrictJson.mapper().readTree(plain);
        List<String> names = new ArrayList<>();
        root.get("files").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static char[] password(Path pw) throws Exception {
        return Files.readAllLines(pw).get(0).toCharArray();
    }
}
