package io.keyshard.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Test-only: searches every file under a folder for known secrets in the forms they could leak in
 * (text; raw bytes, hex in either case, base64 and base64url), and reports each hit with its file.
 * A rule may allow a kind of secret in a file where it legitimately lives (an API key in the
 * owner-only credentials file, a keyId on the stdout of {@code keygen --json}).
 */
public final class SecretScanner {
    /** A secret and the names it is reported under. */
    record Secret(String kind, String label, List<byte[]> forms) {}

    /** Where a secret was found. */
    public record Hit(Path file, String kind, String label) {
        @Override
        public String toString() {
            return kind + " '" + label + "' in " + file;
        }
    }

    private final List<Secret> secrets = new ArrayList<>();

    /** A text secret (password, API key, keyId): its UTF-8 bytes, and for a UUID also without dashes. */
    public SecretScanner text(String kind, String label, String value) {
        List<byte[]> forms = new ArrayList<>(List.of(value.getBytes(StandardCharsets.UTF_8)));
        if (value.length() == 36 && value.charAt(8) == '-') {
            forms.add(value.replace("-", "").getBytes(StandardCharsets.UTF_8));
        }
        forms.add(Base64.getEncoder().encode(value.getBytes(StandardCharsets.UTF_8)));
        secrets.add(new Secret(kind, label, forms));
        return this;
    }

    /** A binary secret (a share, a master key): raw, hex in both cases, base64 and base64url. */
    public SecretScanner bytes(String kind, String label, byte[] value) {
        String hex = HexFormat.of().formatHex(value);
        secrets.add(new Secret(
                kind,
                label,
                List.of(
                        value.clone(),
                        hex.getBytes(StandardCharsets.US_ASCII),
                        hex.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                        Base64.getEncoder().withoutPadding().encode(value),
                        Base64.getUrlEncoder().withoutPadding().encode(value))));
        return this;
    }

    public int size() {
        return secrets.size();
    }

    /** Every hit under {@code root} that {@code allowed(file, kind)} does not excuse. */
    public List<Hit> scan(Path root, BiPredicate<Path, String> allowed) throws IOException {
        List<Hit> hits = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            byte[] content = Files.readAllBytes(f);
            for (Secret secret : secrets) {
                if (!allowed.test(f, secret.kind())
                        && secret.forms().stream().anyMatch(form -> contains(content, form))) {
                    hits.add(new Hit(f, secret.kind(), secret.label()));
                }
            }
        }
        return hits;
    }

    /** How many files of each kind were read (for the report). */
    public static Map<String, Integer> inventory(Path root) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(f -> {
                String n = f.getFileName().toString();
                String ext = n.contains(".") ? n.substring(n.lastIndexOf('.')) : "(none)";
                out.merge(ext, 1, Integer::sum);
            });
        }
        return out;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        if (needle.length == 0 || needle.length > haystack.length) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
