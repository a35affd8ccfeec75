package io.keyshard.ui.sign;

import io.keyshard.client.PayloadResult;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A signed payload saved for a person or a tool as JSON ({@link SignedRows#json}), written to a temporary
 * file and moved into place.
 */
final class SignatureFile {
    private SignatureFile() {}

    static void write(PayloadResult r, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".signature", ".tmp");
        try {
            Files.writeString(tmp, StrictJson.pretty().writeValueAsString(SignedRows.json(r)) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
