package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AbortProofTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final IdentityKeys k1 = IdentityKeys.generate(RANDOM);
    private final IdentityKeys k2 = IdentityKeys.generate(RANDOM);
    private final SessionSetup setup = setup(UUID.randomUUID().toString());

    private SessionSetup setup(String keyId) {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return new SessionSetup(
                keyId, nonce, "P256", 2, List.of(k1.participant("OFFICIAL_1", 1), k2.participant("OFFICIAL_2", 2)));
    }

    @Test
    void aPeersStatementWithOrWithoutItsSessionLetsAServerAbort() {
        byte[] sessionId = Session.of(setup).sessionId();
        assertEquals(Optional.empty(), AbortProof.refusal(setup, 1, AbortProof.sign(k2, setup.keyId(), 2, sessionId)));
        assertEquals(Optional.empty(), AbortProof.refusal(setup, 1, AbortProof.sign(k2, setup.keyId(), 2, null)));
    }

    @Test
    void aStatementForAnotherKeyFromItselfOrUnderTheWrongKeyIsRefused() {
        SessionSetup other = setup(UUID.randomUUID().toString());
        AbortStatement forOther = AbortProof.sign(k2, other.keyId(), 2, null);
        assertTrue(AbortProof.refusal(setup, 1, forOther).isPresent(), "signed over another keyId");
        assertTrue(
                AbortProof.refusal(setup, 2, AbortProof.sign(k2, setup.keyId(), 2, null))
                        .isPresent(),
                "a server's own statement");
        assertTrue(
                AbortProof.refusal(setup, 1, AbortProof.sign(k1, setup.keyId(), 2, null))
                        .isPresent(),
                "signed by a key the setup does not list for its sender");
        assertTrue(AbortProof.refusal(setup, 1, null).isPresent(), "no statement");
    }

    @Test
    void aSignatureUnderTheSigningTagDoesNotPassAsAStatement() {
        byte[] sessionId = Session.of(setup).sessionId();
        byte[] signing = k2.signSigningMessage(ProtocolHash.utf8(setup.keyId()), ProtocolHash.u32(2), sessionId);
        assertTrue(AbortProof.refusal(setup, 1, new AbortStatement(2, sessionId, signing))
                .isPresent());
    }
}
