package io.keyshard.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answers keep the JSON field names other programs read, and read back what the node writes. */
class WireAnswersTest {

    private static JsonNode json(Object answer) throws IOException {
        return StrictJson.mapper().readTree(StrictJson.mapper().writeValueAsBytes(answer));
    }

    private static List<String> fields(JsonNode n) {
        return n.properties().stream().map(e -> e.getKey()).sorted().toList();
    }

    @Test
    void healthAndIdentityKeepTheirFieldNames() throws IOException {
        JsonNode health = json(HealthAnswer.ok("OFFICIAL_1", 1, "1.0"));
        assertEquals(List.of("id", "name", "status", "version"), fields(health));
        assertEquals("ok", health.get("status").asText());

        JsonNode identity = json(IdentityAnswer.of("OFFICIAL_1", 1, new byte[] {1, 2}, new byte[] {(byte) 0xab}));
        assertEquals(List.of("encryptionKey", "id", "name", "signingKey"), fields(identity));
        assertEquals("0102", identity.get("signingKey").asText(), "keys stay lowercase hex, not base64");
        assertEquals("ab", identity.get("encryptionKey").asText());
    }

    @Test
    void identityDecodesToTheParticipant() {
        IdentityAnswer a = new IdentityAnswer("A", 4, "0102", "ff");
        assertArrayEquals(new byte[] {1, 2}, a.participant().signingKey());
        assertThrows(IllegalArgumentException.class, () -> new IdentityAnswer("A", 4, "zz", "ff").participant());
    }

    @Test
    void inProgressStatusSendsItsRoundAndNoNulls() throws IOException {
        JsonNode n = json(KeyStatusAnswer.inProgress("SECP256k1", 2));
        assertEquals(List.of("curve", "round", "status"), fields(n));
        assertEquals("IN_PROGRESS", n.get("status").asText());
        assertEquals(2, n.get("round").asInt());
    }

    @Test
    void tombstoneStatusReadsBackWithItsAbsentFields() throws IOException {
        byte[] bytes = StrictJson.mapper().writeValueAsBytes(KeyStatusAnswer.stored(KeyState.ABORTED, "", null, null));
        assertEquals("{\"status\":\"ABORTED\",\"curve\":\"\"}", new String(bytes, StandardCharsets.UTF_8));
        KeyStatusAnswer back =
                StrictJson.readerAllowingAbsentFields(KeyStatusAnswer.class).readValue(bytes);
        assertEquals(KeyState.ABORTED, back.status());
        assertNull(back.setup());
    }

    @Test
    void anAnswerWithoutStatusOrWithAnUnknownStateIsRefused() {
        var reader = StrictJson.readerAllowingAbsentFields(KeyStatusAnswer.class);
        assertThrows(IOException.class, () -> reader.readValue("{\"curve\":\"P256\"}"));
        assertThrows(IOException.class, () -> reader.readValue("{\"status\":\"UNKNOWN\",\"curve\":\"P256\"}"));
        assertThrows(
                IOException.class, () -> reader.readValue("{\"status\":\"READY\",\"curve\":\"P256\",\"extra\":1}"));
    }

    @Test
    void aStoredSetupOrResultWithAFieldLeftOutIsRefused() {
        var reader = StrictJson.readerAllowingAbsentFields(KeyStatusAnswer.class);
        assertThrows(
                IOException.class,
                () -> reader.readValue(
                        "{\"status\":\"READY\",\"curve\":\"P256\",\"setup\":{\"keyId\":\"x\",\"curve\":\"P256\"}}"));
        assertThrows(
                IOException.class,
                () -> reader.readValue(
                        "{\"status\":\"READY\",\"curve\":\"P256\",\"result\":{\"sender\":1,\"curve\":\"P256\"}}"));
    }

    @Test
    void commitAndAbortAnswerNameTheState() throws IOException {
        assertEquals("{\"status\":\"READY\"}", StrictJson.mapper().writeValueAsString(new StateAnswer(KeyState.READY)));
        assertEquals(
                KeyState.ABORTED,
                StrictJson.mapper()
                        .readValue("{\"status\":\"ABORTED\"}", StateAnswer.class)
                        .status());
    }

    @Test
    void errorKeepsItsFieldNames() throws IOException {
        assertEquals(List.of("error", "message"), fields(json(new ErrorAnswer("CONFLICT", "x"))));
        assertEquals(
                List.of("burned", "check", "culprit", "error", "message"),
                fields(json(new ErrorAnswer("PROTOCOL", "x", new ErrorAnswer.Culprit(12, "BRAVO"), "SHAPE", true))));
        // a setup that was not burned and a culprit the node cannot name leave their fields out
        assertEquals(
                "{\"error\":\"PROTOCOL\",\"message\":\"x\",\"culprit\":{\"serverId\":12},\"check\":\"SHAPE\"}",
                StrictJson.mapper()
                        .writeValueAsString(
                                new ErrorAnswer("PROTOCOL", "x", new ErrorAnswer.Culprit(12, null), "SHAPE", false)));
    }

    @Test
    void anEcdsaMessageCarriesItsBytesAsBase64AndRefusesAnyOtherText() throws IOException {
        byte[] body = new byte[100_003];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        DklsMessage m = new DklsMessage(12, DklsMessage.BROADCAST, body, new byte[] {(byte) 0xfb, 0x7f});
        JsonNode n = json(m);
        assertEquals(List.of("body", "recipient", "sender", "signature"), fields(n));
        assertEquals(Base64.getEncoder().encodeToString(body), n.get("body").asText(), "standard base64, padded");
        assertEquals("+38=", n.get("signature").asText());
        DklsMessage back = StrictJson.mapper().readValue(StrictJson.mapper().writeValueAsBytes(m), DklsMessage.class);
        assertArrayEquals(body, back.body());
        assertArrayEquals(m.signature(), back.signature());
        for (String bad : List.of("0102zz", "AAE", "AAEC!", "-_8=")) {
            String text = "{\"sender\":12,\"recipient\":0,\"body\":\"" + bad + "\",\"signature\":\"AA==\"}";
            assertThrows(
                    InvalidFormatException.class,
                    () -> StrictJson.mapper().readValue(text, DklsMessage.class),
                    "not standard padded base64: " + bad);
        }
        assertThrows(
                MismatchedInputException.class,
                () -> StrictJson.mapper()
                        .readValue(
                                "{\"sender\":12,\"recipient\":0,\"body\":null,\"signature\":\"AA==\"}",
                                DklsMessage.class));
    }

    @Test
    void onlyPendingAndReadyHoldAShare() {
        for (KeyState s : KeyState.values()) {
            assertEquals(s == KeyState.PENDING || s == KeyState.READY, s.holdsShare(), s.name());
        }
    }
}
