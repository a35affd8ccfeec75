package io.keyshard.cli;

import io.keyshard.ExitCoded;
import io.keyshard.client.LocalCluster;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyshard nodes up|backup|restore}: the local 3-server cluster in the foreground, and its backups. */
@Command(
        name = "nodes",
        description = "The embedded local cluster OFFICIAL_1..3.",
        subcommands = {NodesCommand.Up.class, NodesBackupCommands.Backup.class, NodesBackupCommands.Restore.class})
public final class NodesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /**
     * Starts (or reuses) the cluster and stays until Ctrl-C; other commands reuse it meanwhile. A server
     * that cannot start is named on stderr and the others run; exit 4 when none was started.
     */
    @Command(name = "up", description = "Run the local 3-server cluster in the foreground (Ctrl-C stops it).")
    static final class Up implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var home = GlobalOptions.of(spec).home();
            LocalCluster cluster = LocalCluster.startServers(home, LocalCluster.NAMES);
            var err = spec.commandLine().getErr();
            // one server that cannot start (e.g. its store held by a frozen node) does not keep the others down
            cluster.failures().values().forEach(f -> err.println("error: " + f.getMessage()));
            if (cluster.startedServers().isEmpty()) {
                cluster.close();
                if (!cluster.failures().isEmpty()) {
                    return ExitCoded.SERVER;
                }
                err.println("the local cluster is already running (started elsewhere); nothing to do");
                return 0;
            }
            err.println("local cluster up: " + String.join(", ", cluster.startedServers()) + " (servers.json in " + home
                    + "); Ctrl-C stops it");
            err.flush();
            new CountDownLatch(1).await();
            return 0;
        }
    }
}
