package io.keyshard.vault;

import java.nio.file.Path;
import java.util.Arrays;

/** Test access to a closed vault's database as an attacker who knows the password would have it. */
final class RawVault {
    private RawVault() {}

    static VaultDatabase open(Path home, char[] password) {
        Path dir = VaultFiles.vaultDir(home);
        VaultHeader h = VaultHeader.read(dir.resolve(VaultFiles.HEADER));
        try (VaultKeys keys = VaultKeys.derive(password, h.salt, h.kdf)) {
            char[] pwd = keys.h2Password();
            try {
                return VaultDatabase.open(dir.resolve(VaultFiles.DB_NAME), pwd);
            } finally {
                Arrays.fill(pwd, '\0');
            }
        }
    }

    /** Runs SQL on the raw database and commits. */
    static void execute(Path home, char[] password, String... sql) {
        try (VaultDatabase db = open(home, password)) {
            db.run(() -> {
                try (var conn = db.connection().createStatement()) {
                    for (String s : sql) {
                        conn.execute(s);
                    }
                }
                return null;
            });
            db.commitDurably();
        }
    }
}
