package io.keyshard.cli;

import io.keyshard.ExitCoded;
import io.keyshard.client.RemoteServers;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.ServersConfig;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.Vault;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyshard servers list|check|add|remove}: the servers of {@code <home>/servers.json}. */
@Command(name = "servers", description = "List, check, add and remove MPC servers.",
        subcommands = {ServersCommand.ListServers.class, ServersCommand.Check.class, ServersAddCommand.class,
            ServersCommand.Remove.class})
public final class ServersCommand implements Runnable {
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Checks every server and prints the result; true if all are ok. */
    static boolean report(CommandSpec spec, boolean json) throws Exception {
        ServersConfig config = ServersConfig.load(GlobalOptions.of(spec).home());
        List<ServerStatus> statuses = ServerStatus.checkAll(config, CHECK_TIMEOUT);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StrictJson.pretty().writeValueAsString(Map.of("servers", statuses)));
        } else if (statuses.isEmpty()) {
            spec.commandLine().getErr().println("no servers yet: the local cluster OFFICIAL_1..3 is created on the "
                    + "first keygen or by 'keyshard nodes up'; add a remote one with 'keyshard servers add --entry FILE'");
        } else {
            out.printf("%-16s %-28s %-11s %-6s %-6s %s%n", "NAME", "URL", "ID", "LOCAL", "OK", "LATENCY / ERROR");
            for (ServerStatus s : statuses) {
                out.printf("%-16s %-28s %-11d %-6s %-6s %s%n", s.name(), s.url(), s.id(), s.local() ? "yes" : "no",
                        s.ok() ? "yes" : "NO", s.ok() ? s.latencyMs() + " ms" : s.error());
            }
        }
        out.flush();
        return statuses.stream().allMatch(ServerStatus::ok);
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

    /** {@code servers check}: like list, but exits 4 when any server is down. */
    @Command(name = "check", description = "Check every server; exit 4 if any is down.")
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
            try (Vault vault = CliVault.open(spec)) {
                RemoteServers.remove(GlobalOptions.of(spec).home(), vault, name);
            }
            spec.commandLine().getErr().println("removed server " + name);
            return 0;
        }
    }
}
