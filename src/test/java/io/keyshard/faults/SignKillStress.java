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
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.SignatureEntry;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * kill -9 during signing, for either {@link SignScheme}: a client process ({@link SignStressClient}: {@code keyshard
 * sign message} back to back, for ECDSA also {@code keyshard keygen} of new keys whose first signing runs their
 * pairwise setup) signs with one key of each of the scheme's curves on three node processes; each iteration
 * SIGKILLs the client or one node at a random moment and restarts it. At the end every signature the CLI printed
 * must verify under the key it printed and be in the vault's signing history, and no two signatures in the
 * histories may share their R; for ECDSA the nodes' setups are then checked ({@link EcdsaSetupChecks}).
 */
final class SignKillStress extends KillNineRun {
    private static final String PASSWORD = "sign kill stress password";

    private final SignScheme scheme;
    private final Path home;
    private final Path passwordFile;
    private final List<String> printed = new ArrayList<>();

    final NonceLedger ledger = new NonceLedger();
    int exitsNonZero;
    int recorded;
    int keysMade;
    int setupsRedone;

    SignKillStress(SignScheme scheme, Path dir, long seed) throws Exception {
        super(dir, seed);
        this.scheme = scheme;
        this.home = dir.resolve("home");
        this.passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, PASSWORD + "\n");
        nodes.startAll();
        try (Vault vault = newVault(home, PASSWORD);
                Workspace ws = workspace(vault)) {
            for (CurveName curve : scheme.curves) {
                ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, NodeProcesses.NAMES))
                        .promise()
                        .join();
            }
        }
    }

    Workspace workspace(Vault vault) {
        return Workspace.open(home, vault, Duration.ofSeconds(60));
    }

    Vault openVault() {
        return Vault.open(home, PASSWORD.toCharArray());
    }

    static List<KeyRecord> ready(Vault vault) {
        return vault.list().stream().filter(k -> k.status() == KeyStatus.READY).toList();
    }

    @Override
    void startClient() throws IOException {
        List<String> ids;
        try (Vault vault = openVault()) {
            ids = ready(vault).stream().map(k -> k.keyId().toString()).toList();
        }
        client = ChildJvm.start(
                SignStressClient.class,
                dir.resolve("client.log"),
                home.toString(),
                passwordFile.toString(),
                scheme.name(),
                String.join(",", ids));
    }

    /** After the client's next finished command, a random moment within the scheme's kill window. */
    @Override
    void awaitKillMoment() throws Exception {
        if (client.await(l -> l.startsWith("EXIT "), 180_000) == null) {
            throw new IOException("the client finished no command for 3 minutes; see " + dir.resolve("client.log"));
        }
        Thread.sleep(random.nextInt(scheme.killWindowMillis));
    }

    @Override
    void collect() {
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

    @Override
    void finish() throws Exception {
        checkSignatures();
        if (scheme == SignScheme.ECDSA) {
            setupsRedone = new EcdsaSetupChecks(this).run();
        }
    }

    /** Every printed signature verifies and is in the history; every history signature has its own R. */
    private void checkSignatures() throws Exception {
        Set<String> history = new HashSet<>();
        try (Vault vault = openVault();
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
            if (!scheme.verifies(o)) {
                violations.add("a printed signature does not verify: " + line);
            }
            if (!history.contains(scheme.historyEntry(o))) {
                violations.add("a printed signature is not in the vault's signing history: " + line);
            }
        }
        violations.addAll(ledger.violations());
    }

    int printed() {
        return printed.size();
    }
}
