package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Asserts that a step aborts with a given check naming a given culprit, and leaks no keyId. */
final class Blame {
    private Blame() {}

    static ProtocolException expect(ProtocolCheck check, int culprit, TestNet net, Executable step) {
        ProtocolException e = assertThrows(ProtocolException.class, step);
        assertEquals(check, e.check(), e.getMessage());
        assertEquals(culprit, e.culpritId(), e.getMessage());
        assertFalse(e.getMessage().contains(net.session.keyId()), "the keyId must not appear in an error");
        return e;
    }
}
