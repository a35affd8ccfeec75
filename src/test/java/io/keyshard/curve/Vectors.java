package io.keyshard.curve;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.TestVectors;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;

/** The curve tests' short names for {@link TestVectors} (published vectors under src/test/resources/vectors/). */
final class Vectors {
    private Vectors() {}

    static JsonNode load(String file) {
        return TestVectors.load(file);
    }

    static List<JsonNode> list(JsonNode array) {
        return TestVectors.list(array);
    }

    static byte[] hex(JsonNode node) {
        return Hex.decode(node.asText());
    }
}
