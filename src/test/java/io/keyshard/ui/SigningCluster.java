package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.SharedCluster;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * What a Sign stage test signs against: the real local cluster in a fresh home, a real vault, the workspace
 * over them, UI tasks on a background pool, and one READY 2-of-3 key made by the servers.
 */
public record SigningCluster(
        Path home,
        Vault vault,
        LocalClusterControl cluster,
        Workspace workspace,
        ExecutorService pool,
        UiTasks tasks,
        KeyRecord key)
        implements AutoCloseable {

    /** Starts the cluster in a new home named after {@code prefix} and makes a {@code curve} key. */
    public static SigningCluster start(String prefix, CurveName curve, String label) throws Exception {
        Path home = SharedCluster.home(Files.createTempDirectory(prefix));
        Vault vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        LocalClusterControl cluster = new LocalClusterControl(home);
        cluster.start();
        Workspace workspace = Workspace.open(home, vault, cluster);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "it-background");
            t.setDaemon(true);
            return t;
        });
        UiTasks tasks = new UiTasks(pool, Platform::runLater);
        GeneratedKey made = workspace
                .call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, LocalCluster.NAMES, label))
                .promise()
                .join();
        assertEquals(KeyStatus.READY, made.record().status());
        return new SigningCluster(home, vault, cluster, workspace, pool, tasks, made.record());
    }

    @Override
    public void close() {
        workspace.close();
        cluster.close();
        vault.close();
        pool.shutdownNow();
    }
}
