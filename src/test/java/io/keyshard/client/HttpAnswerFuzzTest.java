package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
