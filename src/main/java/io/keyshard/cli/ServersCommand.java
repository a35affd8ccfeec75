package io.keyshard.cli;

import io.keyshard.ExitCoded;
import io.keyshard.client.ServerHealth;
import io.keyshard.client.ServerStatus;
import io.keyshard.json.StrictJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyshard servers list|check|add|remove}: the servers of {@code <home>/servers.json}. */
@Command(
        name = "servers",
        description = "List, check, add and remove MPC servers.",
        subcommands = {
            ServersCommand.ListServers.class,
            ServersCommand.Check.class,
            ServersAddCommand.class,
            ServersCommand.Remove.class
        })
public final class ServersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /**
     * Checks every server and prints the result; true unless a server that should answer does not. A
     * local server never started, or not running now ("stopped": a command that started it stops it
     * when it ends), is no fault: a check starts nothing, and keygen starts what it needs.
     */
    static boolean report(CommandSpec spec, boolean json) throws Exception {
        List<ServerStatus> statuses = ServerHealth.check(GlobalOptions.of(spec).home());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StrictJson.pretty().writeValueAsString(Map.of("servers", statuses)));
        } else {
            out.printf("%-16s %-28s %-11s %-6s %-6s %s%n", "NAME", "URL", "ID", "LOCAL", "OK", "LATENCY / ERROR");
            for (ServerStatus s : statuses) {
                out.printf(
                        "%-16s %-28s %-11d %-6s %-6s %s%n",
                        s.name(),
                        s.notStarted() ? "-" : s.url(),
                        s.id(),
                        s.local() ? "yes" : "no",
                        s.ok() ? "yes" : s.notStarted() || s.stopped() ? "-" : "NO",
                        s.ok() ? s.latencyMs() + " ms" : s.error());
            }
            if (statuses.stream().anyMatch(ServerStatus::notStarted)) {
                spec.commandLine()
                        .getErr()
                        .println("the local cluster was never started: 'keyshard nodes up' runs it, "
                                + "and 'keyshard keygen' starts it when needed");
            } else if (statuses.stream().anyMatch(ServerStatus::stopped)) {
                spec.commandLine()
                        .getErr()
                        .println("stopped local servers run only while a command or the app needs "
                                + "them ('keyshard keygen' starts them); 'keyshard nodes up' keeps them running");
            }
        }
        out.flush();
        return statuses.stream().allMatch(ServerStatus::fine);
    }

    /** {@code servers list}: every server with its health; exit 0 whatever their state. */
    @Command(name = "list", description = "List the servers with their health.")
    static final class ListServers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            report(spec, json);
            return 0;
        }
    }

    /** {@code servers check}: like list, but exits 4 when a server that should answer does not. */
    @Command(
            name = "check",
            description = {
                "Check every server; exit 4 if one that should answer does not.",
                "Local servers that are not running (\"stopped\") or were never started are no fault: exit 0."
            })
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return report(spec, json) ? 0 : ExitCoded.SERVER;
        }
    }

    /** {@code servers remove NAME}: forgets a remote server (keys made with it stay in the vault). */
    @Command(name = "remove", description = "Remove a remote server from servers.json and its API key from the vault.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            try (CliVault.Opened opened = CliVault.workspace(spec)) {
                opened.workspace().removeServer(name);
            }
            spec.commandLine().getErr().println("removed server " + name);
            return 0;
        }
    }
}
