package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.SignRound1Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the client's reading of a server's answer, the bytes a hostile or broken server controls
 * (the node endpoints are fuzzed elsewhere; this is the other direction). An answer is either read (status 200-599, a body within the limit,
 * never more bytes than arrived) or refused with one of the reader's three named failures, whose
 * messages are fixed text and never carry the server's bytes.
 */
class HttpAnswerFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void answers(byte[] data) throws IOException {
        HttpAnswerReader reader = new HttpAnswerReader(new ByteArrayInputStream(data));
        try {
            HttpAnswerReader.Answer a = reader.read();
            assertTrue(a.status() >= 200 && a.status() <= 599, "status " + a.status());
            assertTrue(a.body().length <= HttpAnswerReader.MAX_BODY, "body within the limit");
            assertTrue(a.body().length <= data.length, "no body bytes that never arrived");
        } catch (HttpAnswerReader.Malformed | HttpAnswerReader.TooLarge | HttpAnswerReader.ClosedBeforeAnswer e) {
            assertTrue(
                    FIXED.contains(e.getMessage()),
                    "a refusal is one of the reader's fixed texts, never the " + "server's bytes: " + e.getMessage());
            if (e instanceof HttpAnswerReader.ClosedBeforeAnswer) {
                assertEquals(0, data.length, "closed before an answer only when nothing arrived");
            }
        }
    }

    /**
     * Fuzzes the coordinator's reading of a threshold-ECDSA signer's answer, whose message bodies it relays
     * as the base64 text they came in. Whatever it accepts, the nodes' own wire record reads as the same
     * messages, and the text it relays reaches the next node as those same bytes; anything else is refused
     * as an IOException (which the connection turns into a named server's error), never another exception.
     */
    @FuzzTest(maxDuration = "30s")
    void relayedAnswers(byte[] data) throws IOException {
        var json = StrictJson.mapper();
        RelayedMessage.Answer relayed;
        try {
            relayed = json.readValue(data, RelayedMessage.Answer.class);
        } catch (IOException refused) {
            return; // NodeConnection names the server: "sent an answer that is not the expected JSON"
        }
        if (relayed == null || relayed.messages() == null) {
            return;
        }
        DklsAnswer wire = json.readValue(data, DklsAnswer.class);
        assertEquals(wire.sender(), relayed.sender());
        assertEquals(wire.messages().size(), relayed.messages().size());
        DklsRoundRequest next = json.readValue(
                json.writeValueAsBytes(new RelayedMessage.Round(ROUND1, relayed.messages())), DklsRoundRequest.class);
        for (int i = 0; i < relayed.messages().size(); i++) {
            RelayedMessage m = relayed.messages().get(i);
            if (m == null || m.body() == null || m.signature() == null) {
                continue;
            }
            DklsMessage read = wire.messages().get(i);
            DklsMessage decoded = m.decoded();
            assertArrayEquals(read.body(), decoded.body(), "the coordinator reads the bytes the node sent");
            assertArrayEquals(read.signature(), decoded.signature());
            assertArrayEquals(read.body(), next.messages().get(i).body(), "the next node gets the bytes sent");
            assertArrayEquals(read.signature(), next.messages().get(i).signature());
        }
    }

    private static final SignRound1Request ROUND1 =
            new SignRound1Request("8d0f9f8e-2f3c-4d5e-9a1b-2c3d4e5f6a7b", "m/1", "", List.of(11, 12), "00".repeat(32));

    /** Every text the reader's failures carry: what was wrong, in the reader's own words. */
    private static final Set<String> FIXED = Set.of(
            "bad status line",
            "an interim 1xx answer nobody asked for",
            "answer larger than " + HttpAnswerReader.MAX_BODY_TEXT,
            "closed before an answer",
            "CR without LF",
            "bad chunk size",
            "bad header line",
            "bad or repeated Content-Length",
            "both Content-Length and chunked",
            "chunk longer than its size",
            "closed before the body was complete",
            "closed in the middle of a line",
            "control character in a line",
            "unsupported Transfer-Encoding",
            "chunk size line too long",
            "more than " + HttpAnswerReader.MAX_HEADER_LINES + " header lines",
            "header larger than " + HttpAnswerReader.MAX_HEADER_BYTES / 1024 + " KiB");
}
