package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.node.InProcessNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes every endpoint of a node through its real request path (real client registry, keygen
 * service and H2 share store) with live sessions after round 1 and round 2 to aim at. Properties:
 * only the documented statuses (never 5xx), every refusal the JSON error of docs/protocol.md, Errors
 * ({@link RefusalShape}) without the keyId, a refusal changes nothing, a 422 ends only the session it was aimed at.
 * Input layout: see {@link FuzzRequest}.
 */
class NodeApiFuzzTest {
    private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 401, 404, 405, 409, 413, 422);

    @TempDir
    static Path dir;

    static InProcessNode node;
    static LiveSessions live;

    @BeforeAll
    static void start() throws Exception {
        node = new InProcessNode(dir.resolve("node"), "OFFICIAL_1", 1);
        live = new LiveSessions(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @FuzzTest(maxDuration = "30s")
    void anyRequest(byte[] data) throws Exception {
        FuzzRequest req = FuzzRequest.decode(data, node, live);
        if (req == null) {
            return;
        }
        int storedBefore = node.storedKeys();
        String targetBefore = node.status(node.clientId, req.keyId());
        String l1Before = node.status(node.clientId, live.afterRound1());
        String l2Before = node.status(node.clientId, live.afterRound2());

        InProcessNode.Answer a = node.handle(req.method(), req.uri(), req.authorization(), req.body());

        assertTrue(DOCUMENTED.contains(a.status()), () -> "undocumented status " + a.status() + ": " + a.body());
        assertFalse(a.body().contains(req.keyId().toString()), "an answer never echoes the keyId");
        if (a.status() == 200) {
            live.renewIfUsed(req.keyId());
            return;
        }
        JsonNode error = RefusalShape.checked(a, node.entry.id(), null);
        if (a.status() == 422) {
            assertEquals("PROTOCOL", error.get("error").asText());
            assertEquals("ABORTED", node.status(node.clientId, req.keyId()), "a 422 ends the session it was aimed at");
            assertEquals(storedBefore + 1, node.storedKeys(), "a 422 leaves exactly one tombstone, never a share");
            assertFalse(node.snapshot().get(req.keyId()).contains("share"));
            live.renewIfUsed(req.keyId());
            return;
        }
        assertEquals(storedBefore, node.storedKeys(), () -> "a " + a.status() + " changed the store: " + a.body());
        assertEquals(targetBefore, node.status(node.clientId, req.keyId()), "a refusal leaves its key as it was");
        assertEquals(l1Before, node.status(node.clientId, live.afterRound1()));
        assertEquals(l2Before, node.status(node.clientId, live.afterRound2()));
    }

    @FuzzTest(maxDuration = "30s")
    void anyPath(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        URI uri;
        try {
            uri = new URI("https://127.0.0.1" + (text.startsWith("/") ? "" : "/") + text);
        } catch (URISyntaxException e) {
            return; // the JDK server never hands the handler a path that is not a URI
        }
        if (uri.getRawPath() == null) {
            return;
        }
        int storedBefore = node.storedKeys();
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            InProcessNode.Answer a =
                    node.handle(method, uri, "Bearer " + node.entry.apiKey(), "{}".getBytes(StandardCharsets.UTF_8));
            assertTrue(DOCUMENTED.contains(a.status()), () -> "undocumented status " + a.status() + " for " + uri);
        }
        if (node.storedKeys() != storedBefore) {
            // only an abort of a well-formed fresh keyId may add a row (a tombstone)
            assertTrue(uri.getRawPath().endsWith("/abort"), uri.toString());
        }
    }

    static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
