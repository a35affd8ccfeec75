package io.keyshard.cli;

import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeFiles;
import io.keyshard.node.PeerEntries;
import io.keyshard.node.PeerRoster;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyshard node peers add|list|remove|export}: the peers a node pins (docs/protocol.md, Trust model). */
@Command(
        name = "peers",
        description = "Pin the other servers this node makes keys with (their names, ids and identity keys).",
        subcommands = {
            NodePeersCommand.Add.class,
            NodePeersCommand.ListPeers.class,
            NodePeersCommand.Remove.class,
            NodePeersCommand.Export.class
        })
final class NodePeersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    private static PeerRoster roster(Path data) throws IOException {
        NodeFiles files = new NodeFiles(data);
        files.readConfig();
        return new PeerRoster(files);
    }

    /** {@code node peers add}: pins a peer from its entry. */
    @Command(
            name = "add",
            description = "Pin a peer from the entry 'keyshard node init' or 'keyshard node peers export' printed on "
                    + "it (check it with its operator, like a TLS pin).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "This node's data folder.")
        Path data;

        @Option(
                names = "--entry",
                required = true,
                paramLabel = "FILE",
                description = "The peer's entry, or - for stdin.")
        String entry;

        @Override
        public Integer call() throws Exception {
            PeerRoster roster = roster(data);
            PeerEntry e = PeerEntries.parse(read(entry));
            boolean changed = roster.add(e);
            spec.commandLine()
                    .getErr()
                    .println((changed ? "pinned peer " : "peer already pinned: ") + e.name() + " (id " + e.id()
                            + ", signing key " + e.signingKey() + ")");
            return 0;
        }

        private static byte[] read(String entry) throws IOException {
            if (entry.equals("-")) {
                return System.in.readNBytes(PeerEntries.LIMIT + 1);
            }
            Path file = Path.of(entry);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no entry file " + file);
            }
            if (Files.size(file) > PeerEntries.LIMIT) {
                throw new IllegalArgumentException("the entry file is larger than " + PeerEntries.LIMIT + " bytes");
            }
            return Files.readAllBytes(file);
        }
    }

    /** {@code node peers list}: the pinned peers. */
    @Command(name = "list", description = "List the pinned peers.")
    static final class ListPeers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "This node's data folder.")
        Path data;

        @Option(names = "--json", description = "Print one JSON object: { \"peers\": [ ... ] }.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<PeerRoster.Peer> peers = roster(data).list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(StrictJson.pretty().writeValueAsString(Map.of("peers", peers)));
            } else {
                out.printf("%-16s %-11s %-66s %s%n", "NAME", "ID", "SIGNING KEY", "URL");
                for (PeerRoster.Peer p : peers) {
                    out.printf(
                            "%-16s %-11d %-66s %s%n",
                            p.name(), p.id(), p.signingKey(), p.url() == null ? "-" : p.url());
                }
                if (peers.isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .println("no peers pinned: this node takes part in no key generation with other servers "
                                    + "until their entries are added with 'keyshard node peers add'");
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code node peers remove}: unpins a peer. */
    @Command(name = "remove", description = "Unpin a peer: key generations naming it are refused from now on.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "This node's data folder.")
        Path data;

        @Parameters(paramLabel = "NAME", description = "The peer's server name.")
        String name;

        @Override
        public Integer call() throws Exception {
            if (!roster(data).remove(name)) {
                throw new IllegalArgumentException("no pinned peer " + name + " on this node");
            }
            spec.commandLine().getErr().println("peer " + name + " unpinned");
            return 0;
        }
    }

    /** {@code node peers export}: this node's own entry for its peers to pin, without the API key. */
    @Command(
            name = "export",
            description =
                    "Print this node's entry for its peers to pin (name, id, url, pin, identity keys; no API key).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "This node's data folder.")
        Path data;

        @Option(
                names = "--json",
                description = "Print the entry as one JSON object (it always is; accepted like on every command).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(StrictJson.pretty().writeValueAsString(PeerEntries.own(data)));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
