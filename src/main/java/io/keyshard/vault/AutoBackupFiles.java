package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Sealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The automatic backups of {@code <home>/backups/} as files: their names carry the vault's index
 * generation when each was written ({@code auto-<UTC stamp>-<generation>.ksbackup}), which the
 * rollback check compares, and they are sealed under keys derived from the vault password, so a
 * password change re-seals them ({@link #openAll}, then {@link Opened#sealUnder}).
 */
final class AutoBackupFiles {
    private static final Pattern NAME = Pattern.compile("auto-[0-9TZ]+-([0-9]{1,18})\\.ksbackup");
    private static final long MAX_SIZE = 64L * 1024 * 1024;

    private AutoBackupFiles() {}

    /** Every automatic backup of {@code home}, oldest name first; none when the folder is missing. */
    static List<Path> list(Path home) {
        Path dir = home.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(); // unreadable folder: nothing to compare or re-seal
        }
    }

    /** The vault's index generation written into the file's name. */
    static long generation(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an automatic backup's name");
        }
        return Long.parseLong(m.group(1));
    }

    /** The inner JSON of an automatic backup, if the vault's current keys open it; null otherwise. */
    static byte[] open(Vault vault, Path file) {
        try {
            JsonNode env = PasswordSealedFile.readEnvelope(file, VaultBackup.FORMAT, MAX_SIZE, "read");
            if (!"vault-password".equals(env.path("protection").asText())) {
                return null;
            }
            KdfParams kdf = KdfParams.readFrom(env);
            byte[] salt = Hex.decode(env.required("salt").asText(), "salt");
            byte[] keySalt = Hex.decode(env.required("keySalt").asText(), "keySalt");
            if (!MessageDigest.isEqual(salt, vault.header().salt) || !kdf.equals(vault.header().kdf)) {
                return null; // sealed under another password of this vault (or another vault's)
            }
            byte[] sealed = Base64.getDecoder().decode(env.required("sealed").asText());
            try (Sealer sealer = vault.keys().backupSealer(keySalt)) {
                return sealer.open(
                        sealed,
                        PasswordSealedFile.associatedData(VaultBackup.FORMAT, "vault-password", kdf, salt, keySalt));
            }
        } catch (VaultException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Opens every automatic backup with the vault's current keys (before a password change closes them). */
    static Opened openAll(Vault vault) {
        Map<Path, byte[]> plain = new LinkedHashMap<>();
        List<Path> unreadable = new ArrayList<>();
        for (Path file : list(vault.home())) {
            byte[] inner = open(vault, file);
            if (inner == null) {
                unreadable.add(file);
            } else {
                plain.put(file, inner);
            }
        }
        return new Opened(plain, unreadable);
    }

    /**
     * The automatic backups in the clear, held only between opening the vault's old keys and sealing
     * under its new ones.
     */
    static final class Opened {
        private final Map<Path, byte[]> plain;
        private final List<Path> unreadable;

        private Opened(Map<Path, byte[]> plain, List<Path> unreadable) {
            this.plain = plain;
            this.unreadable = unreadable;
        }

        /**
         * Re-seals each backup, under its own name, with the vault's keys now (the new password); deletes
         * the ones the old password did not open either: they would open only with a password older
         * still, which the change was meant to retire. Returns why one could not be rewritten, or null.
         */
        String sealUnder(Vault vault) {
            String problem = null;
            try {
                for (Map.Entry<Path, byte[]> e : plain.entrySet()) {
                    byte[] keySalt = VaultHeader.newSalt();
                    VaultHeader h = vault.header();
                    try (Sealer sealer = vault.keys().backupSealer(keySalt)) {
                        PasswordSealedFile.write(
                                e.getKey(),
                                PasswordSealedFile.envelope(
                                        VaultBackup.FORMAT, "vault-password", h.kdf, h.salt, keySalt),
                                e.getValue(),
                                sealer);
                    } catch (IOException | RuntimeException failed) {
                        problem = VaultBackup.notWritten(failed);
                        deleteQuietly(e.getKey()); // never leave it readable under the old password
                    }
                }
                unreadable.forEach(AutoBackupFiles::deleteQuietly);
            } finally {
                plain.values().forEach(b -> Arrays.fill(b, (byte) 0));
            }
            return problem;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left in place: the vault's own files are what matter; the next change tries again
        }
    }
}
