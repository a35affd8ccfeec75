package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Parameters are bound into the session and every rule on them is refused with a clear message. */
class SessionSetupTest {
    private final IdentityKeys k1 = IdentityKeys.generate(TestNet.RANDOM);
    private final IdentityKeys k2 = IdentityKeys.generate(TestNet.RANDOM);
    private final IdentityKeys k3 = IdentityKeys.generate(TestNet.RANDOM);
    private final String keyId = UUID.randomUUID().toString();
    private final byte[] nonce = new byte[32];

    private SessionSetup setup(int t, Participant... ps) {
        return new SessionSetup(keyId, nonce, "SECP256k1", t, List.of(ps));
    }

    private String refused(SessionSetup s) {
        String m = assertThrows(IllegalArgumentException.class, () -> Session.of(s))
                .getMessage();
        assertFalse(m.contains(keyId), "no keyId in messages");
        return m;
    }

    @Test
    void thresholdOutOfRangeIsRefused() {
        Participant a = k1.participant("OFFICIAL_1", 1);
        Participant b = k2.participant("OFFICIAL_2", 2);
        assertTrue(
                refused(setup(1, a, b)).contains("threshold must be between 2 and the number of servers (2), got 1"));
        assertTrue(refused(setup(3, a, b)).contains("got 3"));
        assertTrue(refused(setup(2, a)).contains("at least 2 servers"));
    }

    @Test
    void duplicateOrZeroIdentifiersAreRefused() {
        assertTrue(refused(setup(2, k1.participant("A", 4), k2.participant("B", 4)))
                .contains("id 4 is used twice"));
        assertTrue(refused(setup(2, k1.participant("A", 0), k2.participant("B", 4)))
                .contains("ids must be 1 or more"));
        assertTrue(refused(setup(2, k1.participant("A", -3), k2.participant("B", 4)))
                .contains("ids must be 1 or more"));
    }

    @Test
    void officialServersHaveFixedIds() {
        assertTrue(refused(setup(2, k1.participant("OFFICIAL_1", 2), k2.participant("B", 4)))
                .contains("OFFICIAL_1 always has id 1"));
        assertTrue(refused(setup(2, k1.participant("OFFICIAL_1", 1), k2.participant("CUSTOM", 2)))
                .contains("ids 1-3 belong to OFFICIAL_1..3"));
        assertEquals(1, ServerIds.idFor("OFFICIAL_1", null));
        assertEquals(3, ServerIds.idFor("OFFICIAL_3", 3));
        assertEquals(7, ServerIds.idFor("backup-eu", 7));
        assertThrows(IllegalArgumentException.class, () -> ServerIds.idFor("backup-eu", null));
        assertThrows(IllegalArgumentException.class, () -> ServerIds.idFor("bad name", 5));
    }

    @Test
    void theSameServerOrIdentityTwiceIsRefused() {
        assertTrue(refused(setup(2, k1.participant("A", 4), k2.participant("A", 5)))
                .contains("listed twice"));
        assertTrue(refused(setup(2, k1.participant("A", 4), k1.participant("B", 5)))
                .contains("shares an identity key"));
    }

    @Test
    void badKeysNonceKeyIdAndCurveAreRefused() {
        Participant a = k1.participant("OFFICIAL_1", 1);
        Participant b = k2.participant("OFFICIAL_2", 2);
        assertTrue(refused(new SessionSetup("not-a-uuid", nonce, "P256", 2, List.of(a, b)))
                .contains("keyId is a version-4 UUID"));
        assertTrue(refused(new SessionSetup(keyId, new byte[16], "P256", 2, List.of(a, b)))
                .contains("nonce must be 32"));
        assertTrue(refused(new SessionSetup(keyId, nonce, "P257", 2, List.of(a, b)))
                .contains("unknown curve"));
        Participant shortKey = new Participant("OFFICIAL_2", 2, new byte[31], b.encryptionKey());
        assertTrue(refused(setup(2, a, shortKey)).contains("no valid Ed25519 signing key"));
        Participant lowOrder = new Participant("OFFICIAL_2", 2, b.signingKey(), new byte[32]);
        assertTrue(refused(setup(2, a, lowOrder)).contains("not a low-order point"));
    }

    @Test
    void everyParameterChangesTheSessionId() {
        Participant a = k1.participant("OFFICIAL_1", 1);
        Participant b = k2.participant("OFFICIAL_2", 2);
        Participant c = k3.participant("OFFICIAL_3", 3);
        List<byte[]> ids = new ArrayList<>();
        ids.add(Session.of(new SessionSetup(keyId, nonce, "SECP256k1", 2, List.of(a, b, c)))
                .sessionId());
        ids.add(Session.of(new SessionSetup(UUID.randomUUID().toString(), nonce, "SECP256k1", 2, List.of(a, b, c)))
                .sessionId());
        ids.add(Session.of(new SessionSetup(
                        keyId,
                        new byte[] {
                            1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                            0
                        },
                        "SECP256k1",
                        2,
                        List.of(a, b, c)))
                .sessionId());
        ids.add(Session.of(new SessionSetup(keyId, nonce, "SECP256K1_SCHNORR", 2, List.of(a, b, c)))
                .sessionId());
        ids.add(Session.of(new SessionSetup(keyId, nonce, "SECP256k1", 3, List.of(a, b, c)))
                .sessionId());
        ids.add(Session.of(new SessionSetup(keyId, nonce, "SECP256k1", 2, List.of(a, b)))
                .sessionId());
        Participant otherKey = IdentityKeys.generate(TestNet.RANDOM).participant("OFFICIAL_3", 3);
        ids.add(Session.of(new SessionSetup(keyId, nonce, "SECP256k1", 2, List.of(a, b, otherKey)))
                .sessionId());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                assertFalse(Arrays.equals(ids.get(i), ids.get(j)), "variants " + i + " and " + j);
            }
        }
        // The order the coordinator lists servers in does not matter: ids order them.
        assertTrue(Arrays.equals(
                ids.get(0),
                Session.of(new SessionSetup(keyId, nonce, "SECP256k1", 2, List.of(c, a, b)))
                        .sessionId()));
    }

    @Test
    void aServerRefusesASessionThatMisstatesItsIdentity() {
        SessionSetup s = setup(2, k1.participant("OFFICIAL_1", 1), k2.participant("OFFICIAL_2", 2));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> DkgParticipant.create(s, "OFFICIAL_1", 1, k3, TestNet.RANDOM))
                .getMessage()
                .contains("other identity keys"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> DkgParticipant.create(s, "OFFICIAL_3", 3, k3, TestNet.RANDOM))
                .getMessage()
                .contains("not one of"));
        SessionSetup custom = setup(2, k1.participant("backup-eu", 4), k2.participant("backup-us", 5));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> DkgParticipant.create(custom, "backup-eu", 6, k1, TestNet.RANDOM))
                .getMessage()
                .contains("gives this server (backup-eu) id 4, but its configured id is 6"));
    }

    @Test
    void identityKeysSurviveEncoding() {
        IdentityKeys copy = IdentityKeys.fromEncoded(k1.encoded());
        assertTrue(Arrays.equals(k1.signingPublicKey(), copy.signingPublicKey()));
        assertTrue(Arrays.equals(k1.encryptionPublicKey(), copy.encryptionPublicKey()));
        copy.destroy();
        assertTrue(copy.isDestroyed());
        assertThrows(IllegalStateException.class, copy::encoded);
    }

    @Test
    void curveNameIsCaseInsensitiveButBoundCanonically() {
        Participant a = k1.participant("OFFICIAL_1", 1);
        Participant b = k2.participant("OFFICIAL_2", 2);
        Session lower = Session.of(new SessionSetup(keyId, nonce, "secp256k1", 2, List.of(a, b)));
        assertEquals(CurveName.SECP256K1, lower.curveName());
        assertTrue(Arrays.equals(lower.sessionId(), Session.of(setup(2, a, b)).sessionId()));
    }
}
