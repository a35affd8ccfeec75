package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.curve.CurveName;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenSmokeIT {
    @TempDir
    Path home;

    @Test
    void oneKey() {
        try (Vault vault = Vault.create(home, "correct horse battery".toCharArray(), new KdfParams(1024, 1, 1));
                WorkspaceClient ws = WorkspaceClient.open(home, vault)) {
            GeneratedKey key = ws.call(ComponentModule.GENERATE_KEY_SHARE,
                    new KeygenRequest(CurveName.SECP256K1, 2, LocalCluster.NAMES))
                    .onProgress(System.err::println).promise().join();
            System.err.println(key);
            assertEquals(KeyStatus.READY, key.record().status());
        }
    }
}
