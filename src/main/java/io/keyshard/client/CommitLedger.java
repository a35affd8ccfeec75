package io.keyshard.client;

import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The READY keys whose commit every server confirmed (its READY mark forced to disk), kept sealed in
 * the vault as one secret, so the check after a start re-asks only the other keys instead of every
 * server about every key (over a second at 1,000 keys, before each {@code keyshard keygen}). New
 * confirmations are written when the client closes; a crash before that only means those keys are
 * asked about once more. A key not in the ledger is always asked about, so nothing is ever skipped
 * that was not confirmed.
 */
final class CommitLedger {
    static final String SECRET = "keyshard.commits-confirmed";
    private static final byte VERSION = 1;
    private final Vault vault;
    private Set<UUID> stored;
    private final Set<UUID> added = new HashSet<>();

    CommitLedger(Vault vault) {
        this.vault = vault;
    }

    /** True if every server confirmed this key's commit (now, or before the vault was last closed). */
    synchronized boolean confirmed(UUID keyId) {
        return added.contains(keyId) || stored().contains(keyId);
    }

    /** Notes that every server confirmed the commit of {@code keyId}. */
    synchronized void confirm(UUID keyId) {
        if (!stored().contains(keyId)) {
            added.add(keyId);
        }
    }

    /** Writes the confirmations noted since the last write, merged with what the vault holds now; best effort. */
    synchronized void flush() {
        if (added.isEmpty()) {
            return;
        }
        try {
            Set<UUID> all = new TreeSet<>(read(vault));
            all.addAll(added);
            vault.putSecret(SECRET, encode(all));
            stored = all;
            added.clear();
        } catch (VaultException | IllegalStateException e) {
            // closed or read-only vault: these keys are asked about once more at the next start
        }
    }

    private Set<UUID> stored() {
        if (stored == null) {
            try {
                stored = read(vault);
            } catch (VaultException e) {
                stored = Set.of(); // unreadable: ask about every key, as without a ledger
            }
        }
        return stored;
    }

    private static Set<UUID> read(Vault vault) {
        Optional<byte[]> raw = vault.getSecret(SECRET);
        Set<UUID> out = new HashSet<>();
        if (raw.isEmpty()) {
            return out;
        }
        byte[] b = raw.get();
        if (b.length == 0 || b[0] != VERSION || (b.length - 1) % 16 != 0) {
            return out; // a form this version does not know: ask about every key
        }
        ByteBuffer buf = ByteBuffer.wrap(b, 1, b.length - 1);
        while (buf.hasRemaining()) {
            out.add(new UUID(buf.getLong(), buf.getLong()));
        }
        Arrays.fill(b, (byte) 0);
        return out;
    }

    private static byte[] encode(Set<UUID> ids) {
        ByteBuffer buf = ByteBuffer.allocate(1 + 16 * ids.size());
        buf.put(VERSION);
        ids.forEach(id -> buf.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()));
        return buf.array();
    }
}
