package io.keyshard.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.keyshard.dkg.ServerIds;
import io.keyshard.json.StrictJson;
import io.keyshard.node.PeerEntries;
import io.keyshard.vault.Vault;
import io.keyshard.wire.NodeEntry;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adding and removing remote servers (the CLI's {@code servers add|remove} and the Servers screen):
 * the entry {@code node init} printed is checked strictly, its public part goes to servers.json and
 * the whole entry with its API key is sealed into the vault, never into a plain file: the key goes only
 * to the url and certificate it was added with. Its identity keys are pinned on this computer's local
 * servers ({@link LocalPins}), so keys can be made with it and them together.
 */
public final class RemoteServers {
    /** Entries are a few hundred bytes; anything much larger is not one. */
    public static final int ENTRY_LIMIT = 64 * 1024;

    private static final String ENTRY_EXAMPLE = "{\"name\": \"ALPHA\", \"id\": 4, \"url\": \"https://10.0.0.5:7443\", "
            + "\"certSha256\": \"<64 hex digits>\", \"apiKey\": \"<the key node init printed>\"}";
    private static final Pattern MISSING = Pattern.compile("Missing (?:creator|required) property '([^']+)'");

    private RemoteServers() {}

    /**
     * Adds (or replaces) the server of an entry; returns its name. Refuses malformed entries, the
     * local cluster's names and an id another server already has (IllegalArgumentException, exit 2).
     */
    public static String add(Path home, Vault vault, byte[] entryJson) throws IOException {
        if (new String(entryJson, StandardCharsets.UTF_8).isBlank()) {
            throw new IllegalArgumentException(
                    "the entry is empty: paste the JSON object 'keyshard node init' printed");
        }
        if (entryJson.length > ENTRY_LIMIT) {
            throw new IllegalArgumentException("the entry is larger than " + ENTRY_LIMIT + " bytes");
        }
        NodeEntry e;
        try {
            e = StrictJson.mapper().readValue(entryJson, NodeEntry.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("the entry is not the JSON object 'keyshard node init' prints: "
                    + reason(ex) + ". A whole entry looks like " + ENTRY_EXAMPLE);
        }
        if (e == null) {
            throw new IllegalArgumentException("the entry is empty");
        }
        check(home, e);
        PeerEntry peer = identity(entryJson);
        if (peer != null) {
            LocalPins.pin(home, peer);
        }
        return add(home, vault, e);
    }

    /**
     * The entry's identity keys as a peer pins them, or null for an entry printed before entries carried them
     * (the local servers then refuse key generations naming it, saying how to pin it); keys that are there but
     * not valid refuse the whole entry.
     */
    private static PeerEntry identity(byte[] entryJson) throws IOException {
        JsonNode tree = StrictJson.mapper().readTree(entryJson);
        return tree.has("signingKey") || tree.has("encryptionKey") ? PeerEntries.parse(entryJson) : null;
    }

    /**
     * Adds (or replaces) the server of a parsed entry: its url, id, pin and API key are sealed as one
     * vault secret, and its public part is listed in servers.json; returns its name.
     */
    public static String add(Path home, Vault vault, NodeEntry e) throws IOException {
        ServerInfo info = check(home, e);
        byte[] key = e.apiKey().getBytes(StandardCharsets.UTF_8);
        try {
            SealedServers.sealRemote(vault, e.name(), info, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        ServersConfig.update(home, config -> requireDistinctId(config, e).with(e.name(), info));
        return e.name();
    }

    /** The server of a parsed entry as servers.json lists it, once its name, id and API key are checked. */
    private static ServerInfo check(Path home, NodeEntry e) throws IOException {
        ServerIds.idFor(e.name(), e.id());
        if (LocalCluster.NAMES.contains(e.name())) {
            throw new IllegalArgumentException(e.name() + " is a name of the local cluster; give the remote server "
                    + "another name with 'keyshard node init --name'");
        }
        ServerInfo info = new ServerInfo(e.url(), e.id(), e.certSha256(), false);
        if (e.apiKey() == null || e.apiKey().isBlank() || e.apiKey().length() > 200) {
            throw new IllegalArgumentException("the entry has no valid apiKey");
        }
        requireDistinctId(ServersConfig.load(home), e);
        return info;
    }

    /** {@code config}, unless another server in it already has the entry's id. */
    private static ServersConfig requireDistinctId(ServersConfig config, NodeEntry e) {
        for (var other : config.servers().entrySet()) {
            if (!other.getKey().equals(e.name()) && other.getValue().id() == e.id()) {
                throw new IllegalArgumentException(
                        "server " + other.getKey() + " already has id " + e.id() + "; ids must be distinct");
            }
        }
        return config;
    }

    /** Why Jackson refused the entry, in words without parser internals. */
    private static String reason(JsonProcessingException ex) {
        Matcher missing = MISSING.matcher(String.valueOf(ex.getOriginalMessage()));
        if (missing.find()) {
            return "the field '" + missing.group(1) + "' is missing";
        }
        if (ex instanceof JsonEOFException) {
            return "it ends too early; paste the whole object, from { to }";
        }
        if (ex instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        String m = String.valueOf(ex.getOriginalMessage()).split("\n")[0];
        int cut = m.indexOf(" at [Source");
        m = cut < 0 ? m : m.substring(0, cut);
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    /** Removes a remote server from servers.json and its API key from the vault (its keys stay in the vault). */
    public static void remove(Path home, Vault vault, String name) throws IOException {
        ServersConfig.load(home).get(name);
        if (LocalCluster.NAMES.contains(name)) {
            throw new IllegalArgumentException(name + " belongs to the local cluster and cannot be removed");
        }
        SealedServers.removeRemote(vault, name);
        ServersConfig.update(home, config -> config.without(name));
        LocalPins.unpin(home, name);
    }
}
