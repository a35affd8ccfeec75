package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.dkg.ProtocolCheck;
import io.keyshard.dkls.Check;
import io.keyshard.frost.SigningCheck;
import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fuzz oracle for a refusal's body (docs/protocol.md, Errors): {@code error} and {@code message} always; the
 * typed {@code culprit}, {@code check} and {@code burned} only on a 422 PROTOCOL, the culprit another server of the
 * key (never the answering one), the check a constant of the checks the node makes, burned only for a named culprit
 * and a check that burns the pair's setup.
 */
final class RefusalShape {
    private static final Set<String> FIELDS = Set.of("error", "message", "culprit", "check", "burned");
    private static final Set<String> CHECKS = Stream.of(Check.values(), SigningCheck.values(), ProtocolCheck.values())
            .flatMap(Arrays::stream)
            .map(Enum::name)
            .collect(Collectors.toSet());

    private RefusalShape() {}

    /**
     * The body of refusal {@code a} by server {@code self}, after checking its shape; {@code others} the ids and names
     * a culprit may have (the other servers of the key), or null when the fuzzed request itself chose the key's
     * servers (then any id but {@code self} is one).
     */
    static JsonNode checked(InProcessNode.Answer a, int self, Map<Integer, String> others) throws IOException {
        JsonNode error = StrictJson.mapper().readTree(a.body());
        Set<String> names = NodeApiFuzzTest.fieldNames(error);
        assertTrue(names.containsAll(Set.of("error", "message")) && FIELDS.containsAll(names), a.body());
        assertTrue(
                error.get("error").isTextual() && error.get("message").asText().length() > 5, a.body());
        if (names.equals(Set.of("error", "message"))) {
            return error;
        }
        assertEquals(422, a.status(), () -> "only a PROTOCOL refusal blames a server or names a check: " + a.body());
        assertEquals("PROTOCOL", error.get("error").asText(), a.body());
        JsonNode culprit = error.get("culprit");
        if (culprit != null) {
            assertTrue(culprit.isObject(), a.body());
            assertTrue(Set.of("serverId", "name").containsAll(NodeApiFuzzTest.fieldNames(culprit)), a.body());
            assertTrue(
                    culprit.path("serverId").isInt() && culprit.get("serverId").asInt() >= 1, a.body());
            int id = culprit.get("serverId").asInt();
            assertNotEquals(self, id, () -> "a server never names itself the culprit: " + a.body());
            if (others != null) {
                assertTrue(others.containsKey(id), () -> "the culprit is another server of the key: " + a.body());
                assertFalse(culprit.has("name") && !culprit.get("name").asText().equals(others.get(id)), a.body());
            }
        }
        JsonNode check = error.get("check");
        if (check != null) {
            assertTrue(check.isTextual() && CHECKS.contains(check.asText()), () -> "an unknown check: " + a.body());
        }
        JsonNode burned = error.get("burned");
        if (burned != null) {
            assertTrue(burned.isBoolean() && burned.asBoolean(), () -> "burned is said only when true: " + a.body());
            assertTrue(culprit != null && check != null, () -> "a burned setup names the pair and check: " + a.body());
            assertTrue(Check.valueOf(check.asText()).burnsSetup(), () -> "only some checks burn a setup: " + a.body());
        }
        return error;
    }

    /**
     * Asserts that refusal {@code body} names server {@code id} ({@code name}) as the culprit in its typed fields (id
     * 0: names none), with {@code check} (null: none named) and the pair's setup burned or not.
     */
    static void blames(String body, int id, String name, String check, boolean burned) throws IOException {
        JsonNode error = StrictJson.mapper().readTree(body);
        assertEquals("PROTOCOL", error.path("error").asText(), body);
        if (id == 0) {
            assertFalse(error.has("culprit"), () -> "no single server is blamed: " + body);
        } else {
            assertEquals(id, error.path("culprit").path("serverId").asInt(), body);
            assertEquals(name, error.path("culprit").path("name").asText(), body);
        }
        assertEquals(
                check,
                error.path("check").isMissingNode() ? null : error.get("check").asText(),
                body);
        assertEquals(burned, error.path("burned").asBoolean(), body);
    }
}
