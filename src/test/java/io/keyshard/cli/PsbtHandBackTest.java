package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.client.KeygenException;
import io.keyshard.client.PartlySignedException;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sign psbt} hands back the signatures it made when a later input fails: to --out, or on stderr. */
class PsbtHandBackTest {
    private static final byte[] PARTIAL = {0x70, 0x73, 0x62, 0x74, (byte) 0xff, 0x01, 0x02};

    @TempDir
    Path dir;

    private static PartlySignedException failedAtInput1() {
        PayloadResult partial = new PayloadResult(
                PayloadKind.PSBT,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Base64.getEncoder().encodeToString(PARTIAL),
                List.of(0),
                List.of(),
                null);
        KeygenException cause =
                new KeygenException("OFFICIAL_2", "signing failed: OFFICIAL_2 did not answer", ExitCoded.OTHER, null);
        return new PartlySignedException(partial, "PSBT input 1", cause);
    }

    @Test
    void withOutTheSignaturesMadeAreWrittenThereInTheInputsForm() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("partly.psbt");
        SignPayloadCommands.PsbtSign.handBack(new PrintWriter(err), failedAtInput1(), out.toString(), true);
        assertArrayEquals(PARTIAL, Files.readAllBytes(out), "binary in, binary out");
        assertTrue(err.toString().contains("PSBT input 1 was not signed"), err.toString());
        assertTrue(err.toString().contains("written to " + out), err.toString());

        Path text = dir.resolve("partly.txt");
        SignPayloadCommands.PsbtSign.handBack(
                new PrintWriter(new StringWriter()), failedAtInput1(), text.toString(), false);
        assertEquals(
                Base64.getEncoder().encodeToString(PARTIAL) + "\n",
                Files.readString(text, StandardCharsets.US_ASCII),
                "base64 in, base64 out");
    }

    @Test
    void withoutOutOrWhenOutCannotBeWrittenThePsbtIsPrintedOnStderr() {
        String base64 = Base64.getEncoder().encodeToString(PARTIAL);
        StringWriter err = new StringWriter();
        SignPayloadCommands.PsbtSign.handBack(new PrintWriter(err), failedAtInput1(), null, false);
        assertTrue(err.toString().contains("PSBT input 1 was not signed"), err.toString());
        assertTrue(err.toString().contains(base64), err.toString());

        StringWriter err2 = new StringWriter();
        String unwritable = dir.resolve("no-such-folder").resolve("partly.psbt").toString();
        SignPayloadCommands.PsbtSign.handBack(new PrintWriter(err2), failedAtInput1(), unwritable, false);
        assertTrue(err2.toString().contains("cannot write --out"), err2.toString());
        assertTrue(err2.toString().contains(base64), "the signatures are not lost: " + err2);
    }
}
