package io.keyshard.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.json.StrictJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An entry's JSON reads back equal, and anything unknown or out of bounds is refused when it is read. */
class SignatureCodecTest {
    @Test
    void roundTripsEveryKindWithAndWithoutAnAddress() {
        for (SignedPayload kind : SignedPayload.values()) {
            SignatureEntry e = SignatureHistoryTest.entry(3, kind);
            assertEquals(e, SignatureCodec.fromJson(SignatureCodec.toJson(e)));
            assertEquals(kind, SignedPayload.parse(kind.id()));
        }
        SignatureEntry noChain = SignatureEntry.of(
                Instant.EPOCH,
                new byte[] {1},
                "m",
                null,
                List.of("A1", "B2"),
                new byte[] {2},
                SignedPayload.DIGEST,
                null);
        assertEquals(noChain, SignatureCodec.fromJson(SignatureCodec.toJson(noChain)));
        assertEquals("", noChain.description());
    }

    @Test
    void unknownOrOversizedFieldsAreRefused() {
        ObjectNode good = SignatureCodec.toJson(SignatureHistoryTest.entry(1, SignedPayload.PSBT));
        List<ObjectNode> bad = List.of(
                good.deepCopy().put("extra", "x"),
                good.deepCopy().put("description", "d".repeat(SignatureEntry.MAX_DESCRIPTION + 1)),
                good.deepCopy().put("description", "line\nbreak"),
                good.deepCopy().put("digest", "ab".repeat(SignatureEntry.MAX_DIGEST_BYTES + 1)),
                good.deepCopy().put("signature", "AB"),
                good.deepCopy().put("signature", ""),
                good.deepCopy().put("derivationPath", "m/84'/0'/0'"),
                good.deepCopy().put("address", "bc1\u001b[31m"),
                good.deepCopy().put("payload", "wire-transfer"),
                good.deepCopy().put("signedAt", "yesterday"));
        for (ObjectNode o : bad) {
            assertThrows(IllegalArgumentException.class, () -> SignatureCodec.fromJson(o), o.toString());
        }
        ObjectNode tooMany = good.deepCopy();
        for (int i = 0; i < SignatureEntry.MAX_SIGNERS + 1; i++) {
            tooMany.withArray("signers").add("S" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> SignatureCodec.fromJson(tooMany));
    }

    @Test
    void theLargestValidEntryFitsTheBoundOnSealedEntries() throws Exception {
        List<String> signers = new ArrayList<>();
        for (int i = 0; i < SignatureEntry.MAX_SIGNERS; i++) {
            signers.add(String.format(Locale.ROOT, "S%063d", i));
        }
        String path = "m" + "/2147483647".repeat((SignatureEntry.MAX_PATH - 1) / 11);
        SignatureEntry big = new SignatureEntry(
                Instant.MAX,
                SignedPayload.SOLANA_TX,
                "\u0800".repeat(SignatureEntry.MAX_DESCRIPTION),
                path,
                "a".repeat(SignatureEntry.MAX_ADDRESS),
                signers,
                "ab".repeat(SignatureEntry.MAX_DIGEST_BYTES),
                "cd".repeat(SignatureEntry.MAX_SIGNATURE_BYTES));
        byte[] json = StrictJson.mapper().writeValueAsBytes(SignatureCodec.toJson(big));
        assertTrue(json.length < SignatureCodec.MAX_JSON_BYTES, json.length + " bytes");
        assertEquals(big, SignatureCodec.fromJson(StrictJson.mapper().readTree(json)));
    }

    @Test
    void aDescriptionFromAPayloadIsMadeSafeToPrint() {
        SignatureEntry e = SignatureEntry.of(
                Instant.EPOCH,
                new byte[] {1},
                "m/0",
                null,
                List.of("A1", "B2"),
                new byte[] {2},
                SignedPayload.ETH_MESSAGE,
                "hello\u001b[2J\u202eworld" + "x".repeat(300));
        assertTrue(e.description().startsWith("hello?[2J?world"), e.description());
        assertEquals(SignatureEntry.MAX_DESCRIPTION, e.description().length());
    }
}
