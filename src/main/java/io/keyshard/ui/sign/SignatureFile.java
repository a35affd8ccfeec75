package io.keyshard.ui.sign;

import io.keyshard.client.SignResult;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signature saved for a person or a tool: JSON with the fields of {@code keyshard sign --json} that a
 * verifier needs (no keyId: the file may travel). Written to a temporary file and moved into place.
 */
final class SignatureFile {
    private SignatureFile() {}

    /** The JSON object of {@code r}. */
    static Map<String, Object> fields(SignResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("curve", r.curve().apiName());
        o.put("scheme", r.scheme());
        o.put("derivationPath", r.derivationPath());
        o.put("publicKey", r.publicKey());
        if (r.address() != null) {
            o.put("address", r.address());
        }
        o.put("signers", r.signers());
        o.put("messageSha256", r.messageSha256());
        o.put("signature", r.signature());
        return o;
    }

    static void write(SignResult r, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".signature", ".tmp");
        try {
            Files.writeString(tmp, StrictJson.pretty().writeValueAsString(fields(r)) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
