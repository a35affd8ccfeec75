package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log scanner can fail: planted secrets are found in every form they could leak in, and only there. */
class SecretScannerTest {
    @TempDir
    Path root;

    @Test
    void findsEveryPlantedSecretInEveryFormAndNothingElse() throws Exception {
        byte[] share = new byte[32];
        new SecureRandom().nextBytes(share);
        String keyId = UUID.randomUUID().toString();
        SecretScanner scanner = new SecretScanner()
                .text("PASSWORD", "vault", "correct horse battery staple")
                .text("API_KEY", "n1", "ksk_plantedApiKeyValue0123456789")
                .text("KEY_ID", keyId, keyId)
                .bytes("SHARE", "n1", share);
        Path logs = Files.createDirectories(root.resolve("logs/deep"));
        Files.writeString(logs.resolve("a.log"), "INFO login with correct horse battery staple\n");
        Files.writeString(root.resolve("logs/b.txt"), "Authorization: Bearer ksk_plantedApiKeyValue0123456789");
        Files.writeString(root.resolve("c.out"), "{\"keyId\":\"" + keyId.replace("-", "") + "\"}");
        Files.writeString(
                root.resolve("d.trace"),
                "share=" + HexFormat.of().formatHex(share).toUpperCase(Locale.ROOT));
        Files.writeString(
                root.resolve("e.tmp"), Base64.getUrlEncoder().withoutPadding().encodeToString(share));
        Files.write(root.resolve("f.bin"), concat("hdr".getBytes(StandardCharsets.US_ASCII), share));
        Files.writeString(root.resolve("clean.log"), "nothing secret here: " + UUID.randomUUID());

        List<SecretScanner.Hit> hits = scanner.scan(root, (f, kind) -> false);
        Set<String> found = hits.stream()
                .map(h -> root.relativize(h.file()) + ":" + h.kind())
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "logs/deep/a.log:PASSWORD",
                        "logs/b.txt:API_KEY",
                        "c.out:KEY_ID",
                        "d.trace:SHARE",
                        "e.tmp:SHARE",
                        "f.bin:SHARE"),
                found);

        List<SecretScanner.Hit> excused = scanner.scan(root, (f, kind) -> kind.equals("SHARE"));
        assertTrue(excused.stream().noneMatch(h -> h.kind().equals("SHARE")), "a rule can allow a kind in a file");
        assertEquals(3, excused.size());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
