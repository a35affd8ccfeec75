package io.keyshard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.ServerCredentials;
import io.keyshard.client.ServerInfo;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.ServersConfig;
import io.keyshard.dkg.ServerIds;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyshard servers add --entry FILE|-}: adds a remote server from the entry its
 * {@code node init} printed; the public part goes to servers.json, the API key sealed into the vault.
 */
@Command(name = "add", description = "Add a remote server from the entry 'keyshard node init' printed "
        + "(the API key is sealed into the vault).")
final class ServersAddCommand implements Callable<Integer> {
    private static final int ENTRY_LIMIT = 64 * 1024;
    @Spec
    CommandSpec spec;
    @Option(names = "--entry", required = true, paramLabel = "FILE", description = "The entry JSON, or - for stdin.")
    String entry;

    /** The entry as {@code node init} prints it. */
    record Entry(String name, int id, String url, String certSha256, String apiKey) {
    }

    @Override
    public Integer call() throws Exception {
        byte[] raw = entry.equals("-") ? System.in.readNBytes(ENTRY_LIMIT + 1) : readFile(Path.of(entry));
        Entry e;
        try {
            if (raw.length > ENTRY_LIMIT) {
                throw new IllegalArgumentException("the entry is larger than " + ENTRY_LIMIT + " bytes");
            }
            e = StrictJson.mapper().readValue(raw, Entry.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("the entry is not the JSON object 'keyshard node init' prints "
                    + "{ name, id, url, certSha256, apiKey } (" + ex.getOriginalMessage().split("\n")[0] + ")");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        ServersConfig.requireValidName(e.name());
        if (LocalCluster.NAMES.contains(e.name())) {
            throw new IllegalArgumentException(e.name() + " is a name of the local cluster; give the remote server "
                    + "another name with 'keyshard node init --name'");
        }
        ServerIds.idFor(e.name(), e.id());
        ServerInfo info = new ServerInfo(e.url(), e.id(), e.certSha256(), false);
        if (e.apiKey() == null || e.apiKey().isBlank()) {
            throw new IllegalArgumentException("the entry has no apiKey");
        }
        Path home = GlobalOptions.of(spec).home();
        ServersConfig config = ServersConfig.load(home);
        for (var other : config.servers().entrySet()) {
            if (!other.getKey().equals(e.name()) && other.getValue().id() == e.id()) {
                throw new IllegalArgumentException("server " + other.getKey() + " already has id " + e.id()
                        + "; ids must be distinct");
            }
        }
        byte[] key = e.apiKey().getBytes(StandardCharsets.UTF_8);
        try (Vault vault = CliVault.open(spec)) {
            vault.putSecret(ServerCredentials.secretName(e.name()), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        config.with(e.name(), info).save();
        ServerStatus status = ServerStatus.check(e.name(), info, ServersCommand.CHECK_TIMEOUT).join();
        spec.commandLine().getErr().println("added server " + e.name() + " (" + info.url() + ")"
                + (status.ok() ? ", reachable" : "; not reachable yet: " + status.error()));
        return 0;
    }

    private static byte[] readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no entry file " + file);
        }
        if (Files.size(file) > ENTRY_LIMIT) {
            throw new IllegalArgumentException("the entry file is larger than " + ENTRY_LIMIT + " bytes");
        }
        return Files.readAllBytes(file);
    }

    /** Removes a server's API key from the vault (used by {@code servers remove}). */
    static void forgetApiKey(CommandSpec spec, String name) {
        try (Vault vault = CliVault.open(spec)) {
            vault.removeSecret(ServerCredentials.secretName(name));
        }
    }
}
