package io.keyshard.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.SignRequest;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.json.StrictJson;
import io.keyshard.node.SetupAccess;
import io.keyshard.pairwise.SeedCheck;
import io.keyshard.sign.EcdsaVerifiers;
import io.keyshard.sign.NonceLedger;
import io.keyshard.sign.RawSignatures;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.SignatureEntry;
import io.keyshard.vault.Vault;
import io.keyshard.wire.SetupStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * kill -9 during threshold-ECDSA setups and signings: a client process ({@link EcdsaStressClient}) signs with
 * SECP256K1 and P256 keys on three node processes and makes a new key every fourth command, whose first
 * signing runs its pairwise setup; each iteration SIGKILLs the client or one node at a random moment and
 * restarts it. At the end: every signature the CLI printed verifies and is in the vault's history, no two
 * signatures in the histories share their R; with the nodes stopped, each node holds of every key either no
 * setup or a complete one (every pair of one setup id loads, nothing burned); after a restart every key signs
 * (a half-done setup is run again) and then every node holds the same setup with correlated seeds.
 */
final class EcdsaKillStress {
    static final String CLIENT = "client";
    private static final String PASSWORD = "ecdsa kill stress password";
    private static final List<CurveName> CURVES = List.of(CurveName.SECP256K1, CurveName.P256);

    private final Path dir;
    private final Path home;
    private final Path passwordFile;
    private final Random random;
    private final NodeProcesses nodes;
    private final List<String> targets = new ArrayList<>(List.of(CLIENT));
    private final List<String> printed = new ArrayList<>();
    private ChildJvm client;

    final Map<String, Integer> kills = new LinkedHashMap<>();
    final List<String> violations = new ArrayList<>();
    final NonceLedger ledger = new NonceLedger();
    int iterations;
    int exitsNonZero;
    int recorded;
    int keysMade;
    int setupsRedone;

    EcdsaKillStress(Path dir, long seed) throws Exception {
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
            try (Workspace ws = workspace(vault)) {
                for (CurveName curve : CURVES) {
                    ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, NodeProcesses.NAMES))
                            .promise()
                            .join();
                }
            }
        }
    }

    private Workspace workspace(Vault vault) {
        return Workspace.open(home, vault, Duration.ofSeconds(60));
    }

    /** Runs until {@code maxIterations} kills are done or {@code budget} has passed, then checks. */
    void run(int maxIterations, Duration budget) throws Exception {
        long end = System.nanoTime() + budget.toNanos();
        startClient();
        while (iterations < maxIterations && System.nanoTime() < end) {
            String target = targets.get(iterations % targets.size());
            awaitResult();
            // a setup takes seconds: a kill up to 3 s after the last result lands in setups as well as signings
            Thread.sleep(random.nextInt(3000));
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
        checkSignatures();
        for (String name : NodeProcesses.NAMES) {
            nodes.stop(name);
        }
        checkSetups(false);
        nodes.startAll();
        signEveryKeyAgain();
        for (String name : NodeProcesses.NAMES) {
            nodes.stop(name);
        }
        checkSetups(true);
    }

    private void startClient() throws IOException {
        List<String> ids = readyKeys().stream().map(k -> k.keyId().toString()).toList();
        client = ChildJvm.start(
                EcdsaStressClient.class,
                dir.resolve("client.log"),
                home.toString(),
                passwordFile.toString(),
                String.join(",", ids),
                String.join(",", CURVES.stream().map(CurveName::apiName).toList()));
    }

    private List<KeyRecord> readyKeys() {
        try (Vault vault = Vault.open(home, PASSWORD.toCharArray())) {
            return ready(vault);
        }
    }

    private static List<KeyRecord> ready(Vault vault) {
        return vault.list().stream().filter(k -> k.status() == KeyStatus.READY).toList();
    }

    private void awaitResult() throws Exception {
        if (client.await(l -> l.startsWith("EXIT "), 180_000) == null) {
            throw new IOException("the client finished no command for 3 minutes; see " + dir.resolve("client.log"));
        }
    }

    private void collect() {
        for (String line : client.lines()) {
            if (line.startsWith("{")) {
                printed.add(line);
            } else if (line.startsWith("KEY ")) {
                keysMade++;
            } else if (line.startsWith("EXIT ") && !line.equals("EXIT 0")) {
                exitsNonZero++;
            }
        }
    }

    /** Every printed signature verifies and is in the history; every history signature has its own R. */
    private void checkSignatures() throws Exception {
        Set<String> history = new HashSet<>();
        try (Vault vault = Vault.open(home, PASSWORD.toCharArray());
                Workspace ws = workspace(vault)) {
            for (KeyRecord k : ready(vault)) {
                for (SignatureEntry e : ws.signatures(k.keyId())) {
                    history.add(e.signature());
                    recorded++;
                    byte[] sig = Hex.decode(e.signature(), "signature");
                    ledger.signature(k.keyId() + " " + e.signedAt(), RawSignatures.nonceOf(k.curve(), sig));
                }
            }
        }
        for (String line : printed) {
            JsonNode o = StrictJson.mapper().readTree(line);
            CurveName curve = CurveName.parse(o.get("curve").asText());
            byte[] digest =
                    EcdsaVerifiers.hash(curve, Hex.decode(o.get("payload").asText(), "payload"));
            if (!EcdsaVerifiers.bouncyCastle(
                    curve, o.get("publicKey").asText(), digest, o.get("der").asText())) {
                violations.add("a printed signature does not verify: " + line);
            }
            // the history keeps r ‖ s ‖ v
            String entry = o.get("signature").asText()
                    + String.format(Locale.ROOT, "%02x", o.get("v").asInt());
            if (!history.contains(entry)) {
                violations.add("a printed signature is not in the vault's signing history: " + line);
            }
        }
        violations.addAll(ledger.violations());
    }

    /**
     * On every stopped node, each key's setup is absent or complete (every other server's pair of its setup id
     * loads, none burned); with {@code settled}, every node holds the same setup with correlated seeds.
     */
    private void checkSetups(boolean settled) throws Exception {
        for (KeyRecord k : readyKeys()) {
            Map<Integer, SetupAccess.Held> held = new LinkedHashMap<>();
            for (String name : NodeProcesses.NAMES) {
                SetupAccess.Held h = SetupAccess.read(nodes.data(name), k.keyId());
                held.put(11 + NodeProcesses.NAMES.indexOf(name), h);
                SetupStatus.State state = h.status().state();
                boolean whole = state == SetupStatus.State.NONE
                        || (state == SetupStatus.State.COMPLETE
                                && h.refused().isEmpty()
                                && h.pairs().size() == 2);
                if (!whole || (settled && state != SetupStatus.State.COMPLETE)) {
                    violations.add(name + " holds a setup of " + k.curve() + " key that is " + state + " with "
                            + h.pairs().size() + " pairs and refuses " + h.refused());
                }
                h.pairs().values().forEach(p -> {
                    if (!p.setupId().toString().equals(h.status().setupId())) {
                        violations.add(name + " holds pairs of two setups of one key");
                    }
                });
            }
            if (settled) {
                checkCorrelated(k, held);
            }
        }
    }

    private void checkCorrelated(KeyRecord k, Map<Integer, SetupAccess.Held> held) {
        for (int i : held.keySet()) {
            for (int j : held.keySet()) {
                if (i == j
                        || held.get(i).pairs().get(j) == null
                        || held.get(j).pairs().get(i) == null) {
                    continue;
                }
                if (!held.get(i).status().setupId().equals(held.get(j).status().setupId())
                        || !SeedCheck.correlated(
                                k.curve(),
                                i,
                                held.get(i).pairs().get(j).asSender(),
                                j,
                                held.get(j).pairs().get(i).asReceiver())) {
                    violations.add("servers " + i + " and " + j + " hold setups that do not work together");
                }
            }
        }
    }

    /** Each key signs once more, on every pair of servers: a setup a kill left half done is run again. */
    private void signEveryKeyAgain() {
        SecureRandom r = new SecureRandom();
        try (Vault vault = Vault.open(home, PASSWORD.toCharArray());
                Workspace ws = workspace(vault)) {
            for (KeyRecord k : ready(vault)) {
                if (ws.ecdsaSetup(k.keyId()).promise().join().ran()) {
                    setupsRedone++;
                }
                byte[] digest = new byte[32];
                r.nextBytes(digest);
                try {
                    ws.sign(new SignRequest(k.keyId(), DerivationPath.ROOT, null, digest, null, null, null, true))
                            .promise()
                            .join();
                } catch (RuntimeException e) {
                    violations.add("a " + k.curve() + " key does not sign after the run: " + e.getMessage());
                }
            }
        }
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
