package io.keyshard.client;

import io.keyshard.curve.CurveName;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only main: a client process that starts a key generation and kills itself (halt, no
 * shutdown hooks) once every server has answered round {@code args[2]}, or, for {@code pending}, once
 * the PENDING record is durable (it is written during rounds 1-2): a client crashing mid-keygen.
 */
public final class KeygenChild {
    private KeygenChild() {}

    /** Starts this main in a child JVM on the test class path, halting after {@code round} as described above. */
    static Process launch(Path home, String password, String round, List<String> servers) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KeygenChild.class.getName(),
                        home.toString(),
                        password,
                        round,
                        String.join(",", servers))
                .inheritIO()
                .start();
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        boolean atPending = args[2].equals("pending");
        int haltAfter = atPending ? -1 : Integer.parseInt(args[2]);
        List<String> servers = List.of(args[3].split(","));
        AtomicInteger answered = new AtomicInteger();
        Vault vault = Vault.open(home, args[1].toCharArray());
        Workspace ws = Workspace.open(home, vault);
        ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(CurveName.SECP256K1, 2, servers))
                .onProgress(p -> {
                    if (atPending && p.stage() == KeygenProgress.Stage.RECORD && p.record() == KeyStatus.PENDING) {
                        Runtime.getRuntime().halt(42);
                    }
                    if (p.stage() == KeygenProgress.Stage.DONE
                            && p.phase() == KeygenProgress.Phase.values()[haltAfter]
                            && answered.incrementAndGet() == servers.size()) {
                        Runtime.getRuntime().halt(42);
                    }
                })
                .promise()
                .join();
        Runtime.getRuntime().halt(0);
    }
}
