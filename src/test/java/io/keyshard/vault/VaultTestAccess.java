package io.keyshard.vault;

import io.keyshard.vault.VaultDatabase.KeyRow;
import java.nio.file.Path;
import java.util.UUID;

/** Lets tests outside this package damage a closed vault the way an attacker with its password could. */
public final class VaultTestAccess {
    private VaultTestAccess() {}

    /** Swaps the sealed values of two records, keeping their ids and versions. */
    public static void swapSealed(Path home, char[] password, UUID a, UUID b) {
        try (VaultDatabase db = RawVault.open(home, password)) {
            KeyRow ra = db.keyRow(a);
            KeyRow rb = db.keyRow(b);
            db.putKeyRow(new KeyRow(a, ra.rowNo(), ra.version(), rb.sealed()));
            db.putKeyRow(new KeyRow(b, rb.rowNo(), rb.version(), ra.sealed()));
            db.commitDurably();
        }
    }
}
