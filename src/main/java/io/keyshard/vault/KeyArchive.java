package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.ids.KeyIds;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which keys are archived: hidden from the Keys list and the pipeline, while the vault keeps their
 * records (and so their keyIds). The set is one sealed secret of the vault, beside the records rather
 * than in them, so the record format (the CLI's JSON and every existing backup) is unchanged and a
 * vault without the secret simply has nothing archived. Backups carry the set next to their keys.
 */
public final class KeyArchive {
    static final String SECRET = "keyshard.archived-keys";
    private static final int VERSION = 1;

    private KeyArchive() {}

    /** The archived keyIds that still have a record in the vault. */
    public static Set<UUID> archived(Vault vault) {
        synchronized (vault) {
            Set<UUID> ids = stored(vault);
            ids.removeIf(id -> !holds(vault, id));
            return ids;
        }
    }

    /** Archives a key of the vault (idempotent); durable on return. */
    public static void archive(Vault vault, UUID keyId) {
        synchronized (vault) {
            requireKey(vault, keyId);
            Set<UUID> ids = stored(vault);
            if (ids.add(keyId)) {
                store(vault, ids);
                vault.requestBackup();
            }
        }
    }

    /** Brings an archived key back into the Keys list (idempotent); durable on return. */
    public static void unarchive(Vault vault, UUID keyId) {
        synchronized (vault) {
            requireKey(vault, keyId);
            if (stored(vault).contains(keyId)) {
                forget(vault, keyId);
                vault.requestBackup();
            }
        }
    }

    /** Archives every one of {@code keyIds} at once (an import of archived keys). */
    static void archiveAll(Vault vault, Collection<UUID> keyIds) {
        synchronized (vault) {
            Set<UUID> ids = stored(vault);
            if (ids.addAll(keyIds)) {
                store(vault, ids);
            }
        }
    }

    /** Drops a keyId from the set, whether or not its record is still there. */
    static void forget(Vault vault, UUID keyId) {
        synchronized (vault) {
            Set<UUID> ids = stored(vault);
            if (ids.remove(keyId)) {
                store(vault, ids);
            }
        }
    }

    /** True when the vault has a row for the key, even one that no longer reads back intact. */
    private static boolean holds(Vault vault, UUID keyId) {
        try {
            return vault.get(keyId).isPresent();
        } catch (VaultException damaged) {
            return true;
        }
    }

    private static void requireKey(Vault vault, UUID keyId) {
        if (vault.get(keyId).isEmpty()) {
            throw new IllegalArgumentException("no key with this keyId in the vault");
        }
    }

    private static Set<UUID> stored(Vault vault) {
        Optional<byte[]> raw = vault.getSecret(SECRET);
        if (raw.isEmpty()) {
            return new TreeSet<>();
        }
        byte[] bytes = raw.get();
        try {
            JsonNode root = StrictJson.mapper().readTree(bytes);
            if (root.path("version").asInt() != VERSION) {
                throw new VaultException(
                        Reason.NEWER_VERSION,
                        "the list of archived keys was written by a newer version of Keyshard; update Keyshard");
            }
            return parse(root.get("keys"));
        } catch (IOException | IllegalArgumentException e) {
            throw new VaultException(Reason.DAMAGED, "the vault's list of archived keys cannot be read");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void store(Vault vault, Set<UUID> ids) {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("version", VERSION);
        root.set("keys", toJson(ids));
        try {
            vault.putSecret(SECRET, StrictJson.mapper().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyIds as a JSON array of strings, sorted (the form backups carry). */
    static ArrayNode toJson(Collection<UUID> ids) {
        ArrayNode out = StrictJson.mapper().createArrayNode();
        new TreeSet<>(ids).forEach(id -> out.add(id.toString()));
        return out;
    }

    /** Reads {@link #toJson}'s form; throws IllegalArgumentException when it is not that. */
    static Set<UUID> parse(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("the archived keys must be a list of keyIds");
        }
        Set<UUID> ids = new TreeSet<>();
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("the archived keys must be a list of keyIds");
            }
            ids.add(KeyIds.parse(n.asText()));
        }
        return ids;
    }
}
