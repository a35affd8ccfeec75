package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.client.LocalCluster;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeStoreReader;
import io.keyshard.node.SetupAccess;
import io.keyshard.testing.NodeClassArchive;
import io.keyshard.testing.QuickJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command-line flow (init, nodes up, keygen on the local cluster, sign message with an Ed25519
 * key (FROST) and with a SECP256k1 key (threshold ECDSA, its pairwise setup run as keygen ends), keys, derive,
 * servers check, vault export, a wrong password) in real processes with java.util.logging at ALL
 * in the client and in every node process, the home, user home and java.io.tmpdir inside one test
 * folder. Then every file there (logs, stdout and stderr captures, temp files, stores) is searched
 * for the password, the API keys, the keyIds, the shares, the node master keys, the ECDSA pairwise setup's
 * OT material (each pair's Δ, base OT pads and zero-sharing seed, as the node stores them sealed) and the
 * signed messages: none may appear outside the file where it legitimately lives. (Signing nonces, FROST's
 * and DKLs23's, never leave a node's memory, so no file can hold them; the shares and OT seeds that made
 * them are in the scan.)
 */
class LogScanIT {
    private static final String PASSWORD = "log-scan vault password 7f3a";
    private static final String BACKUP_PASSWORD = "log-scan backup password 91c2";
    private static final String WRONG_PASSWORD = "log-scan wrong password 5e0d";
    private static final String MESSAGE = "log-scan signed message 3b8e: pay 1 coin to the scanner";
    private static final String ECDSA_MESSAGE = "log-scan ECDSA message 0c47: pay 2 coins to the scanner";
    private static final int ANY_EXIT = -1;

    @TempDir
    Path root;

    private Path home;
    private Path captures;
    private final Map<String, String> env = new LinkedHashMap<>();

    @Test
    void noSecretReachesALogATraceOrATempFile() throws Exception {
        home = root.resolve("home");
        captures = Files.createDirectories(root.resolve("captures"));
        Path logs = Files.createDirectories(root.resolve("jul"));
        Path props = root.resolve("logging.properties");
        Files.writeString(
                props,
                String.join(
                        "\n",
                        "handlers=java.util.logging.FileHandler",
                        ".level=ALL",
                        "java.util.logging.FileHandler.level=ALL",
                        "java.util.logging.FileHandler.pattern=" + logs.resolve("jul-%u.log"),
                        "java.util.logging.FileHandler.append=true",
                        "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter",
                        ""));
        // Quick-start JIT and GC flags: this test starts 14 JVMs.
        env.put(
                "JAVA_TOOL_OPTIONS",
                String.join(" ", QuickJvm.OPTIONS) + " -Djava.util.logging.config.file=" + props
                        + " -Djava.io.tmpdir=" + Files.createDirectories(root.resolve("tmp"))
                        + " -Duser.home=" + Files.createDirectories(root.resolve("user-home")));
        env.put("KEYSHARD_PASSWORD", PASSWORD);
        env.put("KEYSHARD_BACKUP_PASSWORD", BACKUP_PASSWORD);

        run("init", 0, "init");
        Process up = nodesUp();
        List<String> keyIds = new ArrayList<>();
        String ecdsa;
        try {
            ecdsa = StrictJson.mapper()
                    .readTree(run(
                            "keygen",
                            0,
                            "keygen",
                            "--curve",
                            "SECP256k1",
                            "--threshold",
                            "2",
                            "--label",
                            "scan",
                            "--json"))
                    .get("keyId")
                    .asText();
            String signing = StrictJson.mapper()
                    .readTree(run("keygen-ed", 0, "keygen", "--curve", "ED25519", "--threshold", "2", "--json"))
                    .get("keyId")
                    .asText();
            run("sign", 0, "sign", "message", "--key-id", signing, "--text", MESSAGE, "--json");
            run("sign-ecdsa", 0, "sign", "message", "--key-id", ecdsa, "--text", ECDSA_MESSAGE, "--json");
            String list = run("keys-list", 0, "keys", "list", "--json");
            StrictJson.mapper()
                    .readTree(list)
                    .get("keys")
                    .forEach(k -> keyIds.add(k.get("keyId").asText()));
            assertEquals(2, keyIds.size(), list);
            run("derive", 0, "derive", "--key-id", keyIds.get(0), "--chain", "evm", "--json");
            run(
                    "servers-check",
                    ANY_EXIT,
                    "servers",
                    "check",
                    "--json"); // its 5 s health timeout can expire on a busy machine
            run(
                    "vault-export",
                    0,
                    "vault",
                    "export",
                    "--out",
                    home.resolve("backup.ksb").toString());
            env.put("KEYSHARD_PASSWORD", WRONG_PASSWORD);
            run("wrong-password", 3, "keys", "list", "--json");
        } finally {
            stop(up);
        }

        SecretScanner scanner = new SecretScanner()
                .text("PASSWORD", "vault", PASSWORD)
                .text("PASSWORD", "backup", BACKUP_PASSWORD)
                .text("PASSWORD", "wrong", WRONG_PASSWORD)
                .text("MESSAGE", "text", MESSAGE)
                .text("MESSAGE", "hex", Hex.encode(MESSAGE.getBytes(StandardCharsets.UTF_8)))
                .text("ECDSA_MESSAGE", "text", ECDSA_MESSAGE)
                .text("ECDSA_MESSAGE", "hex", Hex.encode(ECDSA_MESSAGE.getBytes(StandardCharsets.UTF_8)));
        keyIds.forEach(id -> scanner.text("KEY_ID", id, id));
        for (String name : LocalCluster.NAMES) {
            Path folder = home.resolve("nodes").resolve(name);
            scanner.text("API_KEY", name, new String(LocalCluster.apiKey(home, name)));
            scanner.bytes(
                    "MASTER_KEY",
                    name,
                    Files.readAllBytes(folder.resolve("data").resolve("master.key")));
            scanner.bytes(
                    "IDENTITY_KEY",
                    name,
                    Files.readAllBytes(folder.resolve("data").resolve("identity.key")));
            for (NodeStoreReader.Held held : storeOf(folder.resolve("data")).values()) {
                if (held.share() != null) {
                    scanner.bytes(
                            "SHARE",
                            name + "/" + held.keyId(),
                            CurveName.parse(held.curve()).curve().encodeScalar(held.share()));
                }
            }
            otMaterial(scanner, name, folder.resolve("data"), UUID.fromString(ecdsa));
        }
        assertEquals(
                3 + 4 + 2 + 3 * 3 + 2 * 3 + 3 * 2 * 5,
                scanner.size(),
                "every secret was collected (two shares and two pairs' OT material on each server)");
        assertTrue(julWritten(logs) >= 2, "verbose logging was on in the client and the node processes");

        List<SecretScanner.Hit> hits = scanner.scan(root, LogScanIT::legitimate);
        assertTrue(
                hits.isEmpty(),
                "secrets found outside their own files: " + hits + "\nfiles read: " + SecretScanner.inventory(root));
    }

    /** Where a secret is supposed to be: credentials and keys in their owner-only files, keyIds where they are the output. */
    private static boolean legitimate(Path file, String kind) {
        String name = file.getFileName().toString();
        return switch (kind) {
            case "API_KEY" -> name.equals("client.key");
            case "MASTER_KEY" -> name.equals("master.key");
            case "IDENTITY_KEY" -> name.equals("identity.key");
            // keygen/keys/sign print the record by contract; a node's store keeps the public setup of its keys
            // and its signing audit the keyId of each signing
            case "KEY_ID" ->
                name.matches("(keygen|keygen-ed|keys-list|sign|sign-ecdsa)\\.stdout")
                        || name.equals("shares.mv.db")
                        || name.equals("setups.mv.db")
                        || name.equals("signatures.mv.db")
                        || name.equals("signatures.journal");
            // sign --json prints the message it signed (as hex); nothing else may hold it
            case "MESSAGE" -> name.equals("sign.stdout");
            case "ECDSA_MESSAGE" -> name.equals("sign-ecdsa.stdout");
            default -> false;
        };
    }

    private String run(String step, int expectedExit, String... args) throws Exception {
        List<String> cmd = NodeClassArchive.command(List.of(), "io.keyshard.Main");
        cmd.addAll(List.of("--home", home.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(captures.resolve(step + ".stdout").toFile())
                .redirectError(captures.resolve(step + ".stderr").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), step + " did not end");
        String out = Files.readString(captures.resolve(step + ".stdout"));
        assertTrue(
                expectedExit == ANY_EXIT || expectedExit == p.exitValue(),
                step + ": " + out + Files.readString(captures.resolve(step + ".stderr")));
        return out;
    }

    /**
     * Starts {@code nodes up} (the later commands use its cluster) and reads the environment of each
     * node process it starts: no password may be there, although the CLI was given one.
     */
    private Process nodesUp() throws Exception {
        List<String> cmd = NodeClassArchive.command(List.of(), "io.keyshard.Main");
        cmd.addAll(List.of("--home", home.toString(), "nodes", "up"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(captures.resolve("nodes-up.stdout").toFile())
                .redirectError(captures.resolve("nodes-up.stderr").toFile());
        pb.environment().putAll(env);
        Process up = pb.start();
        Path said = captures.resolve("nodes-up.stderr");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(said).contains("local cluster up") && System.nanoTime() < deadline && up.isAlive()) {
            Thread.sleep(300);
        }
        List<ProcessHandle> nodes = up.descendants()
                .filter(h -> h.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains("node run"))
                        .orElse(false))
                .toList();
        assertEquals(3, nodes.size(), "nodes up started the three node processes: " + Files.readString(said));
        for (ProcessHandle n : nodes) {
            String environ =
                    Files.readString(Path.of("/proc", Long.toString(n.pid()), "environ"), StandardCharsets.ISO_8859_1);
            assertTrue(environ.contains("JAVA_TOOL_OPTIONS"), "the environment was read");
            assertTrue(
                    !environ.contains(PASSWORD) && !environ.contains(BACKUP_PASSWORD),
                    "a node process holds the vault or backup password in its environment");
        }
        return up;
    }

    private static void stop(Process up) throws InterruptedException {
        up.destroy();
        if (!up.waitFor(30, TimeUnit.SECONDS)) {
            up.destroyForcibly();
        }
    }

    /**
     * The OT material of each ECDSA pair a node holds for {@code keyId}, read through the node's own load path:
     * as extension sender its Δ and first chosen pad, as receiver both first pads, and the zero-sharing seed.
     */
    private static void otMaterial(SecretScanner scanner, String name, Path data, UUID keyId) throws Exception {
        SetupAccess.Held held = SetupAccess.read(data, keyId);
        assertEquals(2, held.pairs().size(), name + " holds a pair with each other server: " + held);
        for (Map.Entry<Integer, SetupAccess.Pair> e : held.pairs().entrySet()) {
            String label = name + "/" + e.getKey();
            byte[] sender = e.getValue().asSender().encode();
            byte[] receiver = e.getValue().asReceiver().encode();
            scanner.bytes("OT_DELTA", label, Arrays.copyOfRange(sender, 1, 33));
            scanner.bytes("OT_PAD", label + "/chosen", Arrays.copyOfRange(sender, 33, 65));
            scanner.bytes("OT_PAD", label + "/pad0", Arrays.copyOfRange(receiver, 1, 33));
            scanner.bytes("OT_PAD", label + "/pad1", Arrays.copyOfRange(receiver, 33, 65));
            scanner.bytes("ZERO_SEED", label, e.getValue().zeroSeed());
        }
    }

    /** A node's store, once its process (which ends with the CLI that started it) has let go of the file. */
    private static Map<UUID, NodeStoreReader.Held> storeOf(Path data) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return NodeStoreReader.read(data);
            } catch (Exception locked) {
                if (System.nanoTime() > deadline) {
                    throw locked;
                }
                Thread.sleep(300);
            }
        }
    }

    private static long julWritten(Path logs) throws IOException {
        try (Stream<Path> s = Files.list(logs)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .filter(f -> f.toFile().length() > 0)
                    .count();
        }
    }
}
