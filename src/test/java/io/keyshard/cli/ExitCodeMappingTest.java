package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.ExitCoded;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.dkg.ProtocolCheck;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.frost.SigningCheck;
import io.keyshard.frost.SigningException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line maps the pure packages' exceptions to the documented exit codes. */
class ExitCodeMappingTest {

    @Test
    void aFailedProtocolCheckExitsWithTheProtocolCode() {
        ProtocolException e = new ProtocolException(ProtocolCheck.SIGNATURE, 2, "OFFICIAL_2", "bad signature");
        assertEquals(ExitCoded.PROTOCOL, KeyshardCommand.exitCodeOf(e));
        assertEquals(ExitCoded.PROTOCOL, KeyshardCommand.exitCodeOf(new RuntimeException("wrapped", e)));
    }

    @Test
    void aFailedSigningCheckExitsWithTheProtocolCode() {
        SigningException e = new SigningException(SigningCheck.SIGNATURE_SHARE, List.of(3), "bad share");
        assertEquals(ExitCoded.PROTOCOL, KeyshardCommand.exitCodeOf(e));
    }

    @Test
    void aBadEncodingIsBadInput() {
        assertEquals(ExitCoded.BAD_INPUT, KeyshardCommand.exitCodeOf(new InvalidEncodingException("not on the curve")));
    }

    @Test
    void anythingElseIsOther() {
        assertEquals(ExitCoded.OTHER, KeyshardCommand.exitCodeOf(new IOException("disk")));
    }
}
