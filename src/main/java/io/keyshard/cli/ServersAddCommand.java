package io.keyshard.cli;

import io.keyshard.client.RemoteServers;
import io.keyshard.client.ServerHealth;
import io.keyshard.client.ServerStatus;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyshard servers add --entry FILE|-}: adds a remote server from the entry its {@code node init} printed. */
@Command(
        name = "add",
        description = "Add a remote server from the entry 'keyshard node init' printed "
                + "(the API key is sealed into the vault).")
final class ServersAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--entry", required = true, paramLabel = "FILE", description = "The entry JSON, or - for stdin.")
    String entry;

    @Override
    public Integer call() throws Exception {
        byte[] raw = entry.equals("-") ? System.in.readNBytes(RemoteServers.ENTRY_LIMIT + 1) : readFile(Path.of(entry));
        String name;
        ServerStatus status;
        List<PeerEntry> local;
        try (CliVault.Opened opened = CliVault.workspace(spec)) {
            name = opened.workspace().addServer(raw);
            status = ServerStatus.check(name, opened.workspace().servers().get(name), ServerHealth.TIMEOUT)
                    .join();
            local = opened.workspace().localServerEntries();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("added server " + name + " (" + status.url() + ")"
                + (status.ok() ? ", reachable" : "; not reachable yet: " + status.error()));
        if (!local.isEmpty()) {
            err.println("this computer's servers ("
                    + String.join(", ", local.stream().map(PeerEntry::name).toList())
                    + ") pin " + name + "; for keys made with both, " + name + "'s operator pins them too: 'keyshard "
                    + "node peers add --data DIR --entry F' with each entry below");
            for (PeerEntry e : local) {
                err.println(StrictJson.mapper().writeValueAsString(e));
            }
        }
        return 0;
    }

    private static byte[] readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no entry file " + file);
        }
        if (Files.size(file) > RemoteServers.ENTRY_LIMIT) {
            throw new IllegalArgumentException("the entry file is larger than " + RemoteServers.ENTRY_LIMIT + " bytes");
        }
        return Files.readAllBytes(file);
    }
}
