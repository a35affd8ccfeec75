package io.keyshard.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.dkg.ServerIds;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Adding and removing a remote server (DESIGN.md section 6), shared by {@code keyshard servers
 * add|remove} and the Servers screen: the public part goes to servers.json, the API key sealed into the vault.
 */
public final class RemoteServers {
    /** The largest entry accepted, far above a real one. */
    public static final int ENTRY_LIMIT = 64 * 1024;

    private RemoteServers() {
    }

    /** The entry as {@code node init} prints it. */
    record Entry(String name, int id, String url, String certSha256, String apiKey) {
    }

    /** What was added: the server's name and public part. */
    public record Added(String name, ServerInfo info) {
    }

    /** Validates and adds in one step (see {@link #validate} and {@link Validated#addTo}). */
    public static Added add(Path home, Vault vault, byte[] entryJson) throws IOException {
        return validate(home, entryJson).addTo(vault);
    }

    /** A checked entry, not written anywhere yet. */
    public static final class Validated {
        private final Entry entry;
        private final ServersConfig config;

        private Validated(Entry entry, ServersConfig config) {
            this.entry = entry;
            this.config = config;
        }

        public String name() {
            return entry.name();
        }

        /** Seals the API key into the vault, then writes servers.json. */
        public Added addTo(Vault vault) throws IOException {
            ServerInfo info = new ServerInfo(entry.url(), entry.id(), entry.certSha256(), false);
            byte[] key = entry.apiKey().getBytes(StandardCharsets.UTF_8);
            try {
                vault.putSecret(ServerCredentials.secretName(entry.name()), key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            config.with(entry.name(), info).save();
            return new Added(entry.name(), info);
        }
    }

    /**
     * Checks the entry JSON (wiped here) against the format and the configured servers. Bad input
     * throws IllegalArgumentException saying what is wrong and what to do.
     */
    public static Validated validate(Path home, byte[] entryJson) throws IOException {
        Entry e;
        try {
            if (entryJson.length == 0 || new String(entryJson, StandardCharsets.UTF_8).isBlank()) {
                throw new IllegalArgumentException("the entry is empty: paste the JSON object 'keyshard node init' printed");
            }
            if (entryJson.length > ENTRY_LIMIT) {
                throw new IllegalArgumentException("the entry is larger than " + ENTRY_LIMIT + " bytes");
            }
            e = StrictJson.mapper().readValue(entryJson, Entry.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("the entry is not the JSON object 'keyshard node init' prints "
                    + "{ name, id, url, certSha256, apiKey }: " + reason(ex));
        } finally {
            Arrays.fill(entryJson, (byte) 0);
        }
        if (e == null) {
            throw new IllegalArgumentException("the entry is not the JSON object 'keyshard node init' prints");
        }
        ServersConfig.requireValidName(e.name());
        if (LocalCluster.NAMES.contains(e.name())) {
            throw new IllegalArgumentException(e.name() + " is a name of the local cluster; give the remote server "
                    + "another name with 'keyshard node init --name'");
        }
        ServerIds.idFor(e.name(), e.id());
        new ServerInfo(e.url(), e.id(), e.certSha256(), false);
        if (e.apiKey() == null || e.apiKey().isBlank()) {
            throw new IllegalArgumentException("the entry has no apiKey");
        }
        ServersConfig config = ServersConfig.load(home);
        for (var other : config.servers().entrySet()) {
            if (!other.getKey().equals(e.name()) && other.getValue().id() == e.id()) {
                throw new IllegalArgumentException("server " + other.getKey() + " already has id " + e.id()
                        + "; ids must be distinct");
            }
        }
        return new Validated(e, config);
    }

    /** Why Jackson refused the entry, in words without parser internals. */
    private static String reason(JsonProcessingException ex) {
        if (ex instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "it ends too early; paste the whole object, from { to }";
        }
        if (ex instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        String m = String.valueOf(ex.getOriginalMessage()).split("\n")[0];
        int cut = m.indexOf(" at [Source");
        m = cut < 0 ? m : m.substring(0, cut);
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    /** Removes a remote server from servers.json and its API key from the vault; local ones are refused. */
    public static void remove(Path home, Vault vault, String name) throws IOException {
        ServersConfig config = ServersConfig.load(home);
        config.get(name);
        if (LocalCluster.NAMES.contains(name)) {
            throw new IllegalArgumentException(name + " belongs to the local cluster and cannot be removed");
        }
        vault.removeSecret(ServerCredentials.secretName(name));
        config.without(name).save();
    }
}
