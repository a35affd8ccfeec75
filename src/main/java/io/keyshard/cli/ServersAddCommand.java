package io.keyshard.cli;

import io.keyshard.client.RemoteServers;
import io.keyshard.client.ServerHealth;
import io.keyshard.client.ServerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        try (CliVault.Opened opened = CliVault.workspace(spec)) {
            name = opened.workspace().addServer(raw);
            status = ServerStatus.check(name, opened.workspace().servers().get(name), ServerHealth.TIMEOUT)
                    .join();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        spec.commandLine()
                .getErr()
                .println("added server " + name + " (" + status.url() + ")"
                        + (status.ok() ? ", reachable" : "; not reachable yet: " + status.error()));
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
