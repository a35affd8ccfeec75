package io.keyshard.ui.backup;

import io.keyshard.client.LocalCluster;
import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.LocalNodeBackup;
import io.keyshard.ui.common.PasswordMeter;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.PasswordRule.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Back up the local servers" (Settings): each local server's folder, with its shares of every key made
 * on it, sealed into {@code NAME.ksnode} in a folder, as {@code keyshard nodes backup} writes it. A
 * running server's store is being written, so the servers this app started stop while their folders
 * are read and start again after.
 */
public final class ServerBackupViewModel {
    /** What the dialog says the backup is. */
    static final String EXPLAIN = "Writes each local server's folder, with its shares of every key made on it, to "
            + "one file per server (OFFICIAL_1.ksnode to OFFICIAL_3.ksnode), encrypted with the password you choose "
            + "here. The local servers stop for a moment while their folders are read, and start again after.";

    private final Path home;
    private final LocalClusterControl cluster;
    private final UiTasks tasks;
    private final PasswordMeter meter = new PasswordMeter(Purpose.BACKUP);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    public ServerBackupViewModel(Path home, LocalClusterControl cluster, UiTasks tasks) {
        this.home = home;
        this.cluster = cluster;
        this.tasks = tasks;
    }

    /**
     * Writes every local server's backup into {@code folder} (made if missing), sealed with {@code password},
     * off the FX thread; completes with null when written, else with what to fix. A password the rule
     * refuses writes nothing. The password arrays are wiped.
     */
    public CompletableFuture<String> backup(Path folder, char[] password, char[] confirm) {
        CompletableFuture<String> done = new CompletableFuture<>();
        String refused = meter.refusal(password, confirm);
        if (refused != null) {
            done.complete(refused);
            return done;
        }
        tasks.run(
                () -> {
                    try {
                        return write(folder, password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                },
                written -> {
                    note.set("Backed up " + written.size() + " local servers to " + folder + ".");
                    done.complete(null);
                },
                e -> done.complete(UiTasks.message(e)));
        return done;
    }

    private List<LocalNodeBackup.Written> write(Path folder, char[] password) throws IOException {
        Files.createDirectories(folder);
        boolean ran = cluster.ownsNodes();
        cluster.stop();
        try {
            return LocalNodeBackup.backup(home, LocalCluster.NAMES, folder, password);
        } finally {
            if (ran) {
                cluster.start();
            }
        }
    }

    /** Where the dialog proposes to write: a dated folder in the user's home. */
    public static Path suggestedFolder() {
        return Path.of(System.getProperty("user.home"), "keyshard-servers-" + LocalDate.now());
    }

    /** The backup password's strength meter and hint. */
    public PasswordMeter meter() {
        return meter;
    }

    /** "Backed up 3 local servers to F." after a backup. */
    public StringProperty noteProperty() {
        return note;
    }
}
