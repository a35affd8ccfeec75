package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.json.StrictJson;
import io.keyshard.node.ClientRegistry;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * The vault's own copy of where each server's API key may go (docs/vault.md, Server entries): plain
 * files (servers.json, a local server's entry.json) only say it, and a key is sent only to the url, id
 * and pinned certificate sealed with it. A remote server's whole entry and API key are one secret; a local
 * server's id and pin are sealed with the SHA-256 of the cluster key in its folder.
 */
final class SealedServers {
    static final String REMOTE = "server-entry:";
    static final String LOCAL = "local-server:";
    /** Where earlier versions kept a remote server's API key alone, not bound to its entry. */
    static final String LEGACY = "server-api-key:";

    /** A remote server's sealed entry, without its API key (which follows it in the same secret). */
    record Remote(String url, int id, String certSha256) {}

    /** A local server's sealed id and pin, for the cluster key whose hash it names. */
    record Local(int id, String certSha256, String apiKeySha256) {}

    private SealedServers() {}

    /** Seals a remote server's entry and API key as one secret (replacing any earlier one). */
    static void sealRemote(Vault vault, String name, ServerInfo info, byte[] apiKey) throws IOException {
        byte[] head = StrictJson.mapper().writeValueAsBytes(new Remote(info.url(), info.id(), info.certSha256()));
        byte[] secret = new byte[head.length + 1 + apiKey.length];
        System.arraycopy(head, 0, secret, 0, head.length);
        secret[head.length] = '\n';
        System.arraycopy(apiKey, 0, secret, head.length + 1, apiKey.length);
        try {
            vault.putSecret(REMOTE + name, secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        if (has(vault, LEGACY + name)) {
            vault.removeSecret(LEGACY + name);
        }
    }

    /** Forgets a remote server's sealed entry (and a key an earlier version stored alone). */
    static void removeRemote(Vault vault, String name) {
        for (String secret : new String[] {REMOTE + name, LEGACY + name}) {
            if (has(vault, secret)) {
                vault.removeSecret(secret);
            }
        }
    }

    /**
     * The API key of remote server {@code name}, only if servers.json lists it exactly as sealed;
     * otherwise the key is not released and the refusal names the server and what to do.
     */
    static char[] remoteKey(Vault vault, String name, ServerInfo listed) throws KeygenException {
        Optional<byte[]> secret = vault == null ? Optional.empty() : vault.getSecret(REMOTE + name);
        if (secret.isEmpty()) {
            throw refused(
                    name,
                    "server " + name + ": no API key in the vault; add the server again with "
                            + "'keyshard servers add --entry FILE'");
        }
        byte[] bytes = secret.get();
        try {
            int cut = indexOf(bytes, (byte) '\n');
            Remote sealed = cut < 0 ? null : StrictJson.mapper().readValue(bytes, 0, cut, Remote.class);
            if (sealed == null) {
                throw unreadable(name);
            }
            if (!sealed.url().equals(listed.url())
                    || sealed.id() != listed.id()
                    || !sealed.certSha256().equals(listed.certSha256())) {
                throw refused(
                        name,
                        "server " + name + ": servers.json lists it at " + listed.url() + " (id " + listed.id()
                                + ", certificate " + listed.certSha256() + "), but it was added at " + sealed.url()
                                + " (id " + sealed.id() + ", certificate " + sealed.certSha256()
                                + "), so its API key was not sent. If the server really moved or has a new "
                                + "certificate, add its new entry with 'keyshard servers add --entry FILE'; "
                                + "otherwise someone changed servers.json: put the added values back");
            }
            return ServerCredentials.chars(Arrays.copyOfRange(bytes, cut + 1, bytes.length));
        } catch (IOException e) {
            throw unreadable(name);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The local cluster's API key for {@code name}, only if its id and pin are the ones sealed for that
     * key. A key the vault has no binding for (a new or restored node folder) was never sent anywhere
     * under this vault: it is bound now to the server it is about to be sent to.
     */
    static char[] localKey(Path home, Vault vault, String name, ServerInfo listed) throws KeygenException {
        char[] key;
        try {
            key = LocalCluster.apiKey(home, name);
        } catch (IOException e) {
            throw refused(
                    name,
                    "server " + name + ": the local cluster's API key cannot be read ("
                            + e.getClass().getSimpleName() + ")");
        }
        if (vault == null) {
            return key;
        }
        boolean released = false;
        try {
            String hash = ClientRegistry.keyHash(key);
            Optional<Local> sealed = local(vault, name);
            if (sealed.isEmpty() || !sealed.get().apiKeySha256().equals(hash)) {
                putLocal(vault, name, new Local(listed.id(), listed.certSha256(), hash));
            } else if (sealed.get().id() != listed.id()
                    || !sealed.get().certSha256().equals(listed.certSha256())) {
                throw localChanged(home, name, sealed.get());
            }
            released = true;
            return key;
        } finally {
            if (!released) {
                Arrays.fill(key, '\0');
            }
        }
    }

    /**
     * Before the cluster is started or health-checked: refuses a local server whose entry.json pins
     * another certificate than the one sealed for the API key in its folder, so nothing is sent to it.
     */
    static void checkLocalFolders(Path home, Vault vault, Collection<String> names) throws KeygenException {
        for (String name : names) {
            Optional<Local> sealed = vault == null ? Optional.empty() : local(vault, name);
            Path folder = home.resolve("nodes").resolve(name);
            if (sealed.isEmpty() || !Files.exists(folder.resolve("entry.json"))) {
                continue;
            }
            ServerInfo entry;
            char[] key = null;
            try {
                key = LocalCluster.apiKey(home, name);
                if (!sealed.get().apiKeySha256().equals(ClientRegistry.keyHash(key))) {
                    continue; // another key than the sealed one: bound when it is first sent
                }
                entry = StrictJson.mapper()
                        .readValue(Files.readAllBytes(folder.resolve("entry.json")), ServerInfo.class);
            } catch (IOException | IllegalArgumentException e) {
                throw refused(
                        name,
                        "server " + name + ": " + folder + " cannot be read ("
                                + e.getClass().getSimpleName() + ")");
            } finally {
                if (key != null) {
                    Arrays.fill(key, '\0');
                }
            }
            if (entry.id() != sealed.get().id()
                    || !entry.certSha256().equals(sealed.get().certSha256())) {
                throw localChanged(home, name, sealed.get());
            }
        }
    }

    /**
     * Seals, once, what an earlier version left unbound (docs/vault.md, trust on first use): each remote
     * server's API key with its servers.json entry, and each local server's pin with its cluster key.
     * Runs right after an unlock; from then on a changed file is refused. Unreadable files are left for
     * the refusal that names them when a server is used.
     */
    static void migrate(Path home, Vault vault) {
        ServersConfig config;
        try {
            config = ServersConfig.load(home);
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        for (var listed : config.servers().entrySet()) {
            String name = listed.getKey();
            if (listed.getValue().local()) {
                continue;
            }
            byte[] key = null;
            try {
                if (!has(vault, REMOTE + name)) {
                    key = vault.getSecret(LEGACY + name).orElse(null);
                    if (key != null) {
                        sealRemote(vault, name, listed.getValue(), key);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // left unbound: this server is refused, with its name, until it is added again
            } finally {
                if (key != null) {
                    Arrays.fill(key, (byte) 0);
                }
            }
        }
        for (String name : LocalCluster.NAMES) {
            Path entryFile = home.resolve("nodes").resolve(name).resolve("entry.json");
            char[] key = null;
            try {
                if (Files.exists(entryFile) && local(vault, name).isEmpty()) {
                    key = LocalCluster.apiKey(home, name);
                    ServerInfo entry = StrictJson.mapper().readValue(Files.readAllBytes(entryFile), ServerInfo.class);
                    putLocal(vault, name, new Local(entry.id(), entry.certSha256(), ClientRegistry.keyHash(key)));
                }
            } catch (IOException | RuntimeException e) {
                // a half-made folder: bound when its key is first sent
            } finally {
                if (key != null) {
                    Arrays.fill(key, '\0');
                }
            }
        }
    }

    private static KeygenException localChanged(Path home, String name, Local sealed) {
        Path folder = home.resolve("nodes").resolve(name);
        return refused(
                name,
                "server " + name + ": its entry (" + folder.resolve("entry.json") + " or servers.json) pins another "
                        + "certificate than the one sealed in the vault for its API key (" + sealed.certSha256()
                        + "), so the key was not sent. Someone changed these files: put that certificate back, or "
                        + "restore the server's folder with 'keyshard nodes restore DIR'");
    }

    /** Whether the vault holds {@code secret}; its value (an API key) is wiped at once. */
    private static boolean has(Vault vault, String secret) {
        Optional<byte[]> value = vault.getSecret(secret);
        value.ifPresent(v -> Arrays.fill(v, (byte) 0));
        return value.isPresent();
    }

    private static Optional<Local> local(Vault vault, String name) {
        Optional<byte[]> raw = vault.getSecret(LOCAL + name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StrictJson.mapper().readValue(raw.get(), Local.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void putLocal(Vault vault, String name, Local binding) {
        try {
            vault.putSecret(LOCAL + name, StrictJson.mapper().writeValueAsBytes(binding));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a server binding", e);
        }
    }

    private static KeygenException unreadable(String name) {
        return refused(
                name,
                "server " + name + ": its sealed entry is unreadable; add it again with "
                        + "'keyshard servers add --entry FILE'");
    }

    private static KeygenException refused(String name, String message) {
        return new KeygenException(name, message, ExitCoded.SERVER, null);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
