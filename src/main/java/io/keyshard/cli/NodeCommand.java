package io.keyshard.cli;

import io.keyshard.dkg.ServerIds;
import io.keyshard.json.StrictJson;
import io.keyshard.node.ClientRegistry;
import io.keyshard.node.NodeConfig;
import io.keyshard.node.NodeFiles;
import io.keyshard.node.NodeInitializer;
import io.keyshard.node.NodeServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyshard node init|run|add-client|revoke-client|rotate-client}: one MPC server and its clients. */
@Command(
        name = "node",
        description = "Run one MPC server and manage its clients.",
        subcommands = {
            NodeCommand.Init.class,
            NodeCommand.Run.class,
            NodeCommand.AddClient.class,
            NodeCommand.RevokeClient.class,
            NodeCommand.RotateClient.class,
            NodePeersCommand.class
        })
public final class NodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    private static void printEntry(CommandSpec spec, NodeInitializer.Issued issued) throws Exception {
        printEntry(spec, issued, "");
    }

    private static void printEntry(CommandSpec spec, NodeInitializer.Issued issued, String lead) throws Exception {
        spec.commandLine().getOut().println(StrictJson.pretty().writeValueAsString(issued.printed()));
        spec.commandLine().getOut().flush();
        spec.commandLine()
                .getErr()
                .println(lead + "This is the only time the API key is shown: keep the entry for "
                        + "'keyshard servers add --entry FILE' (its peers pin it with 'keyshard node peers add "
                        + "--entry FILE'; 'node peers export' prints it without the API key). Client id "
                        + issued.clientId()
                        + " (end it with 'keyshard node revoke-client --client " + issued.clientId() + "').");
    }

    /** {@code node init}: makes a data folder and prints the first client's entry. */
    @Command(
            name = "init",
            description = "Create a node's data folder and print its entry (the only time " + "the API key is shown).")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "Server name clients use (also the TLS CN).")
        String name;

        @Option(names = "--port", required = true, description = "HTTPS port.")
        int port;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "New data folder.")
        Path data;

        @Option(
                names = "--id",
                description = "DKG identifier, 4 or more (OFFICIAL_k always has id k; default for others: random).")
        Integer id;

        @Option(
                names = "--bind",
                defaultValue = "127.0.0.1",
                description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String bind;

        @Option(
                names = "--host",
                description = "Host name or address in the URL and certificate (default: the bind address).")
        String host;

        @Option(
                names = "--json",
                description = "Print the entry as one JSON object (it always is; accepted like on every command).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            SecureRandom random = new SecureRandom();
            String urlHost = host != null ? host : bind;
            if (host == null && (bind.equals("0.0.0.0") || bind.equals("::"))) {
                throw new IllegalArgumentException("--bind " + bind + " listens everywhere: give --host with the "
                        + "name or address clients will use");
            }
            Integer given = id;
            if (given == null && !name.startsWith("OFFICIAL_")) {
                given = ServerIds.FIRST_CUSTOM_ID + random.nextInt(NodeConfig.MAX_ID - ServerIds.FIRST_CUSTOM_ID);
            }
            int nodeId = ServerIds.idFor(name, given);
            NodeConfig config = new NodeConfig(name, nodeId, port, bind, urlHost);
            printEntry(spec, NodeInitializer.init(data, config, random));
            return 0;
        }
    }

    /** {@code node run}: serves until stopped; prints one JSON line once listening. */
    @Command(name = "run", description = "Run the node of a data folder until stopped (Ctrl-C).")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data folder.")
        Path data;

        @Option(names = "--port", description = "Listen on this port instead of the configured one (0: any free port).")
        Integer port;

        @Option(
                names = "--session-ttl",
                defaultValue = "600",
                paramLabel = "SECONDS",
                description =
                        "Idle key generations that never reached round 3 expire after this (default ${DEFAULT-VALUE}).")
        long sessionTtl;

        @Option(
                names = "--nonce-ttl",
                defaultValue = "600",
                paramLabel = "SECONDS",
                hidden = true,
                description = "Signing nonces whose round 2 never came are destroyed after this (tests shorten it).")
        long nonceTtl;

        @Option(
                names = "--exit-with",
                paramLabel = "PID",
                hidden = true,
                description = "Stop when process PID ends (the local cluster's nodes follow their app).")
        Long exitWith;

        @Override
        public Integer call() throws Exception {
            if (sessionTtl < 1) {
                throw new IllegalArgumentException("--session-ttl must be at least 1 second");
            }
            if (nonceTtl < 1) {
                throw new IllegalArgumentException("--nonce-ttl must be at least 1 second");
            }
            NodeServer server =
                    NodeServer.start(data, port, Duration.ofSeconds(sessionTtl), Duration.ofSeconds(nonceTtl));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                server.close();
                                stopped.countDown();
                            },
                            "node-shutdown"));
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("event", "listening");
            ready.put("name", server.config().name());
            ready.put("id", server.config().id());
            ready.put("url", server.config().url());
            spec.commandLine().getOut().println(StrictJson.mapper().writeValueAsString(ready));
            spec.commandLine().getOut().flush();
            spec.commandLine()
                    .getErr()
                    .println("node " + server.config().name() + " listening on "
                            + server.config().url() + " (Ctrl-C stops it)");
            spec.commandLine().getErr().flush();
            if (exitWith != null) {
                ProcessHandle.of(exitWith)
                        .ifPresentOrElse(parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
            }
            stopped.await();
            return 0;
        }
    }

    /** {@code node add-client}: another API key for another client. */
    @Command(name = "add-client", description = "Print an entry with a new API key for another client.")
    static final class AddClient implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data folder.")
        Path data;

        @Option(
                names = "--json",
                description = "Print the entry as one JSON object (it always is; accepted like on every command).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            printEntry(spec, NodeInitializer.addClient(data, new SecureRandom()));
            return 0;
        }
    }

    /** The node and the client that {@code revoke-client} and {@code rotate-client} act on. */
    static final class ClientChoice {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data folder.")
        Path data;

        @Option(
                names = "--client",
                required = true,
                paramLabel = "ID",
                description = "The client id printed when it was added.")
        String client;
    }

    /** {@code node revoke-client}: ends a client; its API key is refused from then on. */
    @Command(name = "revoke-client", description = "End a client: its API key is refused from now on.")
    static final class RevokeClient implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientChoice target;

        @Override
        public Integer call() throws Exception {
            NodeFiles files = new NodeFiles(target.data);
            files.readConfig();
            if (!new ClientRegistry(files).revoke(target.client)) {
                throw new IllegalArgumentException("no active client " + target.client + " on this node");
            }
            spec.commandLine().getErr().println("client " + target.client + " revoked");
            return 0;
        }
    }

    /** {@code node rotate-client}: a new API key for a client, which keeps its id and so every key it owns. */
    @Command(
            name = "rotate-client",
            description = "Print an entry with a new API key for a client; it keeps its id and its keys, "
                    + "the old API key is refused from now on.")
    static final class RotateClient implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientChoice target;

        @Option(
                names = "--json",
                description = "Print the entry as one JSON object (it always is; accepted like on every command).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            printEntry(
                    spec,
                    NodeInitializer.rotateClient(target.data, target.client, new SecureRandom()),
                    "The old API key of client " + target.client + " is refused from now on; the client replaces it "
                            + "by adding this entry again under the same server name. ");
            return 0;
        }
    }
}
