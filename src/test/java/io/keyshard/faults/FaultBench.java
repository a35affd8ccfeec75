package io.keyshard.faults;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenException;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.Operation;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Test-only: a client home (vault with light KDF parameters, servers.json) wired to three node
 * processes (a test's own, or {@link NodeProcesses#shared()}), and one key generation run with a hook on its progress events, so a fault test can
 * kill, freeze or restart a server at a chosen step and look at what is left.
 */
final class FaultBench implements AutoCloseable {
    static final String PASSWORD = "faults-it-password";
    final Path home;
    final NodeProcesses nodes;

    /** What one run gave: the key, or the error; and the vault record it wrote (null if none). */
    record Run(GeneratedKey key, Throwable error, KeyRecord record) {
        /** The error as a key generation failure (a server or protocol problem). */
        KeygenException failure() {
            return (KeygenException) error;
        }
    }

    FaultBench(Path home, NodeProcesses nodes) throws Exception {
        this.home = home;
        this.nodes = nodes;
        try (Vault vault = Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1))) {
            nodes.register(home, vault);
        }
        nodes.startAll();
    }

    Vault openVault() {
        return Vault.open(home, PASSWORD.toCharArray());
    }

    /** One 2-of-3 key generation over ALPHA, BRAVO, CHARLIE; {@code hook} sees every progress event first. */
    Run keygen(Duration roundTimeout, Consumer<KeygenProgress> hook) throws Exception {
        Vault vault = openVault();
        try (Workspace ws = Workspace.open(home, vault, roundTimeout)) {
            Set<UUID> before = ids(vault);
            Operation<GeneratedKey> op = ws.call(
                    ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(CurveName.SECP256K1, 2, NodeProcesses.NAMES));
            op.onProgress(hook::accept);
            GeneratedKey key = null;
            Throwable failure = null;
            try {
                key = op.promise().join();
            } catch (CompletionException e) {
                failure = e.getCause();
            }
            KeyRecord record = null;
            try {
                for (KeyRecord r : vault.list()) {
                    if (!before.contains(r.keyId())) {
                        record = r;
                    }
                }
            } catch (VaultException unreadable) {
                // a failed write (full disk) stopped this vault's database: the caller reopens it
            }
            return new Run(key, failure, record);
        } finally {
            try {
                vault.close();
            } catch (VaultException stopped) {
                // closing a database that stopped after a failed write: the lock is released anyway
            }
        }
    }

    /** Runs the pending-key resolution a start of the app or CLI runs, and answers the key's record after it. */
    KeyRecord resolve(UUID keyId, Duration roundTimeout) throws Exception {
        Vault vault = openVault();
        try (Workspace ws = Workspace.open(home, vault, roundTimeout)) {
            ws.resolvePending();
            return vault.get(keyId).orElseThrow();
        } finally {
            vault.close();
        }
    }

    /** A hook that runs {@code action} once, when {@code server} is sent round {@code round} (4 = commit). */
    static Consumer<KeygenProgress> onSent(int round, String server, Step action) {
        boolean[] done = {false};
        return p -> {
            if (!done[0]
                    && p.stage() == KeygenProgress.Stage.SENT
                    && p.phase() == KeygenProgress.Phase.values()[round]
                    && server.equals(p.server())) {
                done[0] = true;
                try {
                    action.run();
                } catch (Exception e) {
                    throw new IllegalStateException("the fault could not be injected", e);
                }
            }
        };
    }

    /** A step that may throw. */
    interface Step {
        void run() throws Exception;
    }

    /** Every server's state for the key, in server order. */
    List<String> states(UUID keyId) throws Exception {
        List<String> out = new ArrayList<>();
        for (String s : NodeProcesses.NAMES) {
            out.add(nodes.status(s, keyId));
        }
        return out;
    }

    static Set<UUID> ids(Vault vault) {
        Set<UUID> s = new HashSet<>();
        vault.list().forEach(r -> s.add(r.keyId()));
        return s;
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void close() {
        nodes.close();
    }
}
