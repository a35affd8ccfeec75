package io.keyshard.cli;

import io.keyshard.client.LocalCluster;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyshard nodes up|backup|restore}: the local 3-server cluster in the foreground, and its backups. */
@Command(name = "nodes", description = "The embedded local cluster OFFICIAL_1..3.",
        subcommands = {NodesCommand.Up.class, NodesBackupCommands.Backup.class, NodesBackupCommands.Restore.class})
public final class NodesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Starts (or reuses) the cluster and stays until Ctrl-C; other commands reuse it meanwhile. */
    @Command(name = "up", description = "Run the local 3-server cluster in the foreground (Ctrl-C stops it).")
    static final class Up implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var home = GlobalOptions.of(spec).home();
            LocalCluster cluster = LocalCluster.ensureRunning(home);
            var err = spec.commandLine().getErr();
            if (cluster.startedServers().isEmpty()) {
                cluster.close();
                err.println("the local cluster is already running (started elsewhere); nothing to do");
                return 0;
            }
            err.println("local cluster up: " + String.join(", ", cluster.startedServers())
                    + " (servers.json in " + home + "); Ctrl-C stops it");
            err.flush();
            new CountDownLatch(1).await();
            return 0;
        }
    }
}
