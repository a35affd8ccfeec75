package io.keyshard.vault;

import io.keyshard.curve.CurveName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/** Shared test data: light (but real) Argon2id parameters, records, and byte snapshots of a vault folder. */
public final class VaultFixtures {
    /** Real Argon2id, light enough for tests; recorded in the header like production parameters. */
    public static final KdfParams LIGHT = new KdfParams(256, 1, 1);

    public static final char[] PASSWORD = "correct horse battery".toCharArray();

    private VaultFixtures() {}

    public static char[] pw() {
        return PASSWORD.clone();
    }

    public static KeyRecord pending(String label) {
        return KeyRecord.pending(
                UUID.randomUUID(),
                label,
                CurveName.SECP256K1,
                2,
                List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static Map<String, String> shares() {
        Map<String, String> m = new HashMap<>();
        m.put("OFFICIAL_1", "02" + "11".repeat(32));
        m.put("OFFICIAL_2", "03" + "22".repeat(32));
        m.put("OFFICIAL_3", "02" + "33".repeat(32));
        return m;
    }

    public static String rootKey() {
        return "02" + "ab".repeat(32);
    }

    public static String chainCode() {
        return "cd".repeat(32);
    }

    /** Every file under {@code dir} with its bytes, to prove an operation changed nothing. */
    public static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                if (!p.getFileName().toString().equals(VaultFiles.LOCK)) {
                    out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
