package io.keyshard.faults;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.vault.Vault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The client process {@link KillStress} kills: opens the vault, resolves what the last crash left
 * (as the app does after unlocking), then runs key generations back to back and prints
 * {@code ACK <keyId>} for each one the client returned as made. On the line {@code pause} from
 * stdin it finishes the running key generation, closes the vault and prints {@code paused}; on
 * {@code resume} it reopens it. Arguments: home, vault password, servers (comma separated).
 */
public final class StressClient {
    private static final List<CurveName> CURVES = List.of(CurveName.SECP256K1, CurveName.ED25519, CurveName.P256);

    private StressClient() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        char[] password = args[1].toCharArray();
        List<String> servers = List.of(args[2].split(","));
        LinkedBlockingQueue<String> commands = new LinkedBlockingQueue<>();
        Thread stdin = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    commands.add(line);
                }
            } catch (IOException e) {
                // parent gone
            }
            Runtime.getRuntime().halt(0);
        });
        stdin.setDaemon(true);
        stdin.start();
        for (int n = 0; ; ) {
            try (Vault vault = Vault.open(home, password.clone());
                    Workspace ws = Workspace.open(home, vault, Duration.ofSeconds(20))) {
                say("open " + ws.resolvePending().size());
                while (!"pause".equals(commands.poll())) {
                    KeygenRequest req = new KeygenRequest(CURVES.get(n++ % CURVES.size()), 2, servers);
                    try {
                        GeneratedKey key = ws.call(ComponentModule.GENERATE_KEY_SHARE, req)
                                .promise()
                                .join();
                        say("ACK " + key.keyId());
                    } catch (CompletionException e) {
                        say("FAIL " + NodeConnection.unwrap(e).getMessage().replace('\n', ' '));
                    }
                }
            }
            say("paused");
            while (!"resume".equals(commands.take())) {
                // only resume ends a pause
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
