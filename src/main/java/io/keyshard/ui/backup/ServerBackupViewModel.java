package io.keyshard.ui.backup;

import io.keyshard.client.LocalCluster;
import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.LocalNodeBackup;
import io.keyshard.ui.common.PasswordMeter;
import io.keyshard.ui.common.ShareCustody;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.PasswordRule.Purpose;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
    private final List<String> names;
    private final PasswordMeter meter = new PasswordMeter(Purpose.BACKUP);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty restoreNote = new SimpleStringProperty(this, "restoreNote", "");

    /** The backup of every local server (Settings). */
    public ServerBackupViewModel(Path home, LocalClusterControl cluster, UiTasks tasks) {
        this(home, cluster, tasks, LocalCluster.NAMES);
    }

    /**
     * The backup of every local server ({@code names} = OFFICIAL_1..3) or of one alone (the Servers screen's
     * "Back up OFFICIAL_n…"), so that each server's file can have its own password and place.
     */
    public ServerBackupViewModel(Path home, LocalClusterControl cluster, UiTasks tasks, List<String> names) {
        if (!names.equals(LocalCluster.NAMES) && !(names.size() == 1 && LocalCluster.NAMES.containsAll(names))) {
            throw new IllegalArgumentException(
                    "the backup is of every local server " + LocalCluster.NAMES + " or of one of them");
        }
        this.home = home;
        this.cluster = cluster;
        this.tasks = tasks;
        this.names = List.copyOf(names);
    }

    private boolean oneServer() {
        return names.size() == 1;
    }

    /** The dialog's title: "Back up the local servers", or "Back up OFFICIAL_2" for one. */
    public String title() {
        return oneServer() ? "Back up " + names.get(0) : "Back up the local servers";
    }

    /** What the dialog says of where the shares end up and how to keep them. */
    public String custody() {
        return oneServer() ? ShareCustody.oneServerBackup(names.get(0)) : ShareCustody.SERVERS_BACKUP;
    }

    /** What the dialog says the backup is. */
    public String explain() {
        if (!oneServer()) {
            return EXPLAIN;
        }
        String name = names.get(0);
        return "Writes " + name + "'s folder, with its shares of every key made on it, to " + name
                + LocalNodeBackup.SUFFIX + ", encrypted with the password you choose here: each server's file can "
                + "have its own password and place. The local servers stop for a moment while its folder is read, "
                + "and start again after.";
    }

    /**
     * Writes every local server's backup into {@code folder} (made if missing), sealed with {@code password},
     * off the FX thread; completes with null when written, else with what to fix. A password the rule
     * refuses writes nothing. The password arrays are wiped.
     */
    public CompletableFuture<String> backup(Path folder, char[] password, char[] confirm) {
        String refused = meter.refusal(password, confirm);
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        return PasswordWork.run(
                tasks,
                password,
                pw -> write(folder, pw),
                written -> note.set("Backed up "
                        + (oneServer() ? names.get(0) : written.size() + " local servers") + " to " + folder
                        + "."));
    }

    /**
     * Puts the local servers of the {@code NAME.ksnode} files in {@code folder} back on this computer, off the
     * FX thread; completes with null when done, else with what went wrong. Only a server that is missing, or
     * fresh with no share, is restored: one already here is never set back to an older state (the command
     * line does that on purpose). The password is wiped.
     */
    public CompletableFuture<String> restore(Path folder, char[] password) {
        if (password.length == 0) {
            return CompletableFuture.completedFuture("Enter the password the servers were backed up with.");
        }
        return PasswordWork.run(
                tasks,
                password,
                pw -> {
                    List<Path> files = LocalNodeBackup.filesIn(folder, null);
                    return stopped(() -> LocalNodeBackup.restore(home, files, pw, false));
                },
                restored -> restoreNote.set(restoredText(restored, folder)));
    }

    private List<LocalNodeBackup.Written> write(Path folder, char[] password) throws Exception {
        Files.createDirectories(folder);
        return stopped(() -> LocalNodeBackup.backup(home, names, folder, password));
    }

    /** Runs {@code work} with the servers this app started stopped, and starts them again after. */
    private <T> T stopped(UiTasks.Work<T> work) throws Exception {
        boolean ran = cluster.ownsNodes();
        cluster.stop();
        try {
            return work.run();
        } finally {
            if (ran) {
                cluster.start();
            }
        }
    }

    /** Which servers came back and which were already here and left as they are. */
    static String restoredText(List<LocalNodeBackup.Restored> restored, Path folder) {
        List<String> back = restored.stream()
                .filter(r -> !r.kept())
                .map(LocalNodeBackup.Restored::name)
                .toList();
        List<String> kept = restored.stream()
                .filter(LocalNodeBackup.Restored::kept)
                .map(LocalNodeBackup.Restored::name)
                .toList();
        String text = back.isEmpty()
                ? "Nothing restored from " + folder + ": every server in it is already on this computer"
                : "Restored " + String.join(", ", back) + " from " + folder + ". "
                        + capital(LocalNodeBackup.SETUPS_NOTE);
        return kept.isEmpty() || back.isEmpty()
                ? text + "."
                : text + ". " + String.join(", ", kept) + (kept.size() == 1 ? " was" : " were")
                        + " already here and kept as " + (kept.size() == 1 ? "it is." : "they are.");
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Where the dialog proposes to write: a dated folder in the user's home, named for the one server backed up. */
    public Path suggested() {
        String what = oneServer() ? names.get(0) : "servers";
        return Path.of(System.getProperty("user.home"), "keyshard-" + what + "-" + LocalDate.now());
    }

    /** The backup password's strength meter and hint. */
    public PasswordMeter meter() {
        return meter;
    }

    /** "Restored OFFICIAL_1, … from F. …" after a restore. */
    public StringProperty restoreNoteProperty() {
        return restoreNote;
    }

    /** "Backed up 3 local servers to F." after a backup. */
    public StringProperty noteProperty() {
        return note;
    }
}
