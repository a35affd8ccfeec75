package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CommitmentTest {
    private static final byte[] SID = "session".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MSG = "R_i".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anHonestOpeningVerifies() {
        Commitment.Opening o = Commitment.commit(SID, 2, MSG, new TestRandom("c"));
        Commitment.verify(SID, 2, o.digest(), o.salt(), o.message());
    }

    @Test
    void anotherMessageSaltSessionOrSenderIsRefusedNamingTheSender() {
        Commitment.Opening o = Commitment.commit(SID, 2, MSG, new TestRandom("c"));
        byte[] salt = o.salt().clone();
        salt[0] ^= 1;
        assertAbort(
                () -> Commitment.verify(SID, 2, o.digest(), o.salt(), "R_j".getBytes(StandardCharsets.US_ASCII)), 2);
        assertAbort(() -> Commitment.verify(SID, 2, o.digest(), salt, o.message()), 2);
        assertAbort(
                () -> Commitment.verify(
                        "other".getBytes(StandardCharsets.US_ASCII), 2, o.digest(), o.salt(), o.message()),
                2);
        assertAbort(() -> Commitment.verify(SID, 3, o.digest(), o.salt(), o.message()), 3);
    }

    @Test
    void theDigestDependsOnTheSaltSoEqualMessagesLookDifferent() {
        Commitment.Opening a = Commitment.commit(SID, 2, MSG, new TestRandom("a"));
        Commitment.Opening b = Commitment.commit(SID, 2, MSG, new TestRandom("b"));
        assertFalse(Arrays.equals(a.digest(), b.digest()));
    }

    private static void assertAbort(Runnable r, int culprit) {
        ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
        assertEquals(culprit, e.culprit());
        assertEquals(Check.COMMITMENT, e.check());
    }
}
