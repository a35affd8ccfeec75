package io.keyshard.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.sign.NonceLedger;
import io.keyshard.sign.RawSignatures;
import io.keyshard.sign.Verifiers;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.SignatureEntry;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * kill -9 during signing: a client process ({@link SignStressClient}: {@code keyshard sign message} back
 * to back) signs with one key of each FROST curve on three node processes; each iteration SIGKILLs the
 * client or one node at a random moment and restarts it. At the end every signature the CLI printed
 * must verify under the key it printed and be in the vault's signing history, and no two signatures in
 * the histories may share their R.
 */
final class SignKillStress {
    static final String CLIENT = "client";
    private static final String PASSWORD = "sign kill stress password";
    private static final List<CurveName> CURVES =
            List.of(CurveName.ED25519, CurveName.SECP256K1_SCHNORR, CurveName.ED448);

    private final Path dir;
    private final Path home;
    private final Path passwordFile;
    private final Random random;
    private final NodeProcesses nodes;
    private final List<String> targets = new ArrayList<>(List.of(CLIENT));
    private final Map<UUID, CurveName> keys = new LinkedHashMap<>();
    private final List<String> printed = new ArrayList<>();
    private ChildJvm client;

    final Map<String, Integer> kills = new LinkedHashMap<>();
    final List<String> violations = new ArrayList<>();
    final NonceLedger ledger = new NonceLedger();
    int iterations;
    int exitsNonZero;
    int recorded;

    SignKillStress(Path dir, long seed) throws Exception {
        this.dir = dir;
        this.random = new Random(seed);
        this.nodes = new NodeProcesses(dir.resolve("nodes"));
        this.home = dir.resolve("home");
        this.passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, PASSWORD + "\n");
        targets.addAll(NodeProcesses.NAMES);
        targets.forEach(t -> kills.put(t, 0));
        nodes.startAll();
        try (Vault vault = Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1))) {
            nodes.register(home, vault);
            try (Workspace ws = Workspace.open(home, vault, Duration.ofSeconds(30))) {
                for (CurveName curve : CURVES) {
                    UUID id = ws.call(
                                    ComponentModule.GENERATE_KEY_SHARE,
                                    new KeygenRequest(curve, 2, NodeProcesses.NAMES))
                            .promise()
                            .join()
                            .keyId();
                    keys.put(id, curve);
                }
            }
        }
    }

    /** Runs until {@code maxIterations} kills are done or {@code budget} has passed. */
    void run(int maxIterations, Duration budget) throws Exception {
        long end = System.nanoTime() + budget.toNanos();
        startClient();
        while (iterations < maxIterations && System.nanoTime() < end) {
            String target = targets.get(iterations % targets.size());
            awaitSignatures(1);
            Thread.sleep(random.nextInt(600));
            kills.merge(target, 1, Integer::sum);
            iterations++;
            if (target.equals(CLIENT)) {
                client.kill();
                collect();
                startClient();
            } else {
                nodes.kill(target);
                nodes.start(target);
            }
        }
        client.kill();
        collect();
        check();
    }

    private void startClient() throws IOException {
        List<String> ids = keys.keySet().stream().map(UUID::toString).toList();
        client = ChildJvm.start(
                SignStressClient.class,
                dir.resolve("client.log"),
                home.toString(),
                passwordFile.toString(),
                String.join(",", ids));
    }

    /** Waits until the running client has printed {@code n} more results (a signature or an exit code). */
    private void awaitSignatures(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            if (client.await(l -> l.startsWith("{") || l.startsWith("EXIT "), 120_000) == null) {
                throw new IOException(
                        "the sign client printed nothing for 2 minutes; see " + dir.resolve("client.log"));
            }
        }
    }

    private void collect() {
        for (String line : client.lines()) {
            if (line.startsWith("{")) {
                printed.add(line);
            } else if (line.startsWith("EXIT ") && !line.equals("EXIT 0")) {
                exitsNonZero++;
            }
        }
    }

    /** Every printed signature verifies and is in the history; every history signature has its own R. */
    private void check() throws Exception {
        Set<String> history = new HashSet<>();
        try (Vault vault = Vault.open(home, PASSWORD.toCharArray());
                Workspace ws = Workspace.open(home, vault, Duration.ofSeconds(30))) {
            for (Map.Entry<UUID, CurveName> k : keys.entrySet()) {
                for (SignatureEntry e : ws.signatures(k.getKey())) {
                    history.add(e.signature());
                    recorded++;
                    byte[] sig = Hex.decode(e.signature(), "signature");
                    ledger.signature(k.getValue() + " " + e.signedAt(), RawSignatures.nonceOf(k.getValue(), sig));
                }
            }
        }
        for (String line : printed) {
            JsonNode o = StrictJson.mapper().readTree(line);
            CurveName curve = CurveName.parse(o.get("curve").asText());
            String sig = o.get("signature").asText();
            byte[] payload = Hex.decode(o.get("payload").asText(), "payload");
            if (!Verifiers.accepts(curve, o.get("publicKey").asText(), payload, sig)) {
                violations.add("a printed signature does not verify: " + line);
            }
            if (!history.contains(sig)) {
                violations.add("a printed signature is not in the vault's signing history: " + line);
            }
        }
        violations.addAll(ledger.violations());
    }

    int printed() {
        return printed.size();
    }

    void close() {
        if (client != null && client.alive()) {
            try {
                client.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nodes.close();
    }
}
