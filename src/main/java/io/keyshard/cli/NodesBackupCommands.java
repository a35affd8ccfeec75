package io.keyshard.cli;

import io.keyshard.ExitCoded;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.LocalNodeBackup;
import io.keyshard.json.StrictJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyshard nodes backup|restore}: encrypted copies of the local servers' folders (docs/cli.md). */
final class NodesBackupCommands {
    private NodesBackupCommands() {}

    /** The options both commands take. */
    static final class Common {
        @Option(names = "--server", paramLabel = "NAME", description = "Only this server (OFFICIAL_1..3).")
        String server;

        @Option(
                names = "--backup-password-file",
                paramLabel = "FILE",
                description = "Read the backup password from FILE's first line.")
        Path backupPasswordFile;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;
    }

    /** {@code nodes backup --out DIR [--server NAME]}: one {@code NAME.ksnode} file per local server. */
    @Command(
            name = "backup",
            description = {
                "Write an encrypted backup (Argon2id + AES-256-GCM) of each local "
                        + "server's folder to DIR/NAME.ksnode; the servers must be stopped.",
                "Backup password: --backup-password-file FILE, else $KEYSHARD_BACKUP_PASSWORD, else a prompt (asked twice). "
                        + "Run once per server with --server to give each file its own password and place."
            })
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "An existing folder for the files.")
        Path out;

        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            Path home = GlobalOptions.of(spec).home();
            List<String> names = servers(home, common.server);
            char[] pw = PasswordSource.BACKUP.read(common.backupPasswordFile, true);
            List<LocalNodeBackup.Written> written;
            try {
                written = LocalNodeBackup.backup(home, names, out, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LocalNodeBackup.Written w : written) {
                rows.add(row("name", w.name(), "file", w.file().toString()));
                spec.commandLine().getErr().println("backed up " + w.name() + " to " + w.file());
            }
            print(spec, common.json, rows);
            return 0;
        }
    }

    /** {@code nodes restore DIR [--server NAME]}: each {@code NAME.ksnode} of DIR back into {@code <home>/nodes/NAME}. */
    @Command(
            name = "restore",
            description = {
                "Restore local servers from the NAME.ksnode files in DIR into "
                        + "<home>/nodes/NAME; the servers must be stopped. A server folder that holds shares under another "
                        + "identity is never overwritten. ECDSA keys run a fresh pairwise setup at their next signing: "
                        + "a backup holds no OT seeds.",
                "Backup password: --backup-password-file FILE, else $KEYSHARD_BACKUP_PASSWORD, else a prompt."
            })
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The folder holding the backup files.")
        Path dir;

        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            Path home = GlobalOptions.of(spec).home();
            if (common.server != null) {
                servers(home, common.server);
            }
            List<Path> files = LocalNodeBackup.filesIn(dir, common.server);
            char[] pw = PasswordSource.BACKUP.read(common.backupPasswordFile, false);
            List<LocalNodeBackup.Restored> restored;
            try {
                restored = LocalNodeBackup.restore(home, files, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LocalNodeBackup.Restored r : restored) {
                rows.add(row("name", r.name(), "folder", r.folder().toString(), "replaced", r.replaced()));
                spec.commandLine()
                        .getErr()
                        .println("restored " + r.name() + " into " + r.folder()
                                + (r.replaced() ? " (replacing the folder of the same server)" : ""));
            }
            spec.commandLine().getErr().println(LocalNodeBackup.SETUPS_NOTE);
            print(spec, common.json, rows);
            return 0;
        }
    }

    private static List<String> servers(Path home, String server) {
        if (server != null) {
            if (!LocalCluster.NAMES.contains(server)) {
                throw new LocalNodeBackup.Refused(ExitCoded.BAD_INPUT, notLocal(server));
            }
            return List.of(server);
        }
        List<String> made = LocalCluster.NAMES.stream()
                .filter(n -> Files.isDirectory(home.resolve("nodes").resolve(n).resolve("data")))
                .toList();
        if (made.isEmpty()) {
            throw new LocalNodeBackup.Refused(
                    ExitCoded.BAD_INPUT,
                    "there are no local servers in " + home + " yet (the local cluster makes them on its first start)");
        }
        return made;
    }

    private static String notLocal(String server) {
        return server + " is not a local cluster server (" + String.join(", ", LocalCluster.NAMES) + ")";
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void print(CommandSpec spec, boolean json, List<Map<String, Object>> rows) throws Exception {
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(StrictJson.pretty().writeValueAsString(Map.of("servers", rows)));
            out.flush();
        }
    }
}
