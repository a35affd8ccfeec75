package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.WeierstrassPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A signer refuses a package that would make it sign unsafely (RFC 9591 5.2). */
class SignerChecksTest {
    private static final byte[] MSG = {1, 2, 3};

    private record Setup(Dealer.Keys keys, SigningNonces n1, SigningNonces n2) {
        List<SigningCommitments> commitments() {
            return new ArrayList<>(List.of(n1.commitments(), n2.commitments()));
        }
    }

    private static Setup setup(Ciphersuite suite) {
        Dealer.Keys keys = Dealer.random(suite, 2, 3);
        return new Setup(
                keys,
                Round1.commit(suite, keys.keys().get(1), Dealer.RANDOM::nextBytes),
                Round1.commit(suite, keys.keys().get(2), Dealer.RANDOM::nextBytes));
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void noncesSignOnlyOnce(Ciphersuite suite) {
        Setup s = setup(suite);
        SigningPackage pkg = new SigningPackage(s.commitments(), MSG);
        Round2.sign(suite, pkg, s.n1(), s.keys().keys().get(1));
        assertTrue(s.n1().isDestroyed());
        SigningException e = assertThrows(
                SigningException.class,
                () -> Round2.sign(
                        suite,
                        new SigningPackage(s.commitments(), new byte[] {9}),
                        s.n1(),
                        s.keys().keys().get(1)));
        assertEquals(SigningCheck.NONCES_SPENT, e.check());
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void anAlteredOrMissingOwnCommitmentIsRefusedAndTheNoncesKept(Ciphersuite suite) {
        Setup s = setup(suite);
        List<SigningCommitments> altered = s.commitments();
        SigningCommitments mine = altered.get(0);
        altered.set(0, new SigningCommitments(1, mine.binding(), mine.hiding()));
        SigningException e = assertThrows(
                SigningException.class,
                () -> Round2.sign(
                        suite,
                        new SigningPackage(altered, MSG),
                        s.n1(),
                        s.keys().keys().get(1)));
        assertEquals(SigningCheck.OWN_COMMITMENT, e.check());
        assertEquals(SigningException.COORDINATOR, e.culpritId());

        SigningNonces n3 = Round1.commit(suite, s.keys().keys().get(3), Dealer.RANDOM::nextBytes);
        List<SigningCommitments> without = List.of(s.n2().commitments(), n3.commitments());
        assertEquals(
                SigningCheck.OWN_COMMITMENT,
                assertThrows(
                                SigningException.class,
                                () -> Round2.sign(
                                        suite,
                                        new SigningPackage(without, MSG),
                                        s.n1(),
                                        s.keys().keys().get(1)))
                        .check());
        assertFalse(s.n1().isDestroyed(), "a refused package spends no nonce");
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void aRepeatedIdentifierIsRefused(Ciphersuite suite) {
        Setup s = setup(suite);
        List<SigningCommitments> twice = List.of(
                s.n1().commitments(),
                s.n2().commitments(),
                new SigningCommitments(
                        2, s.n1().commitments().hiding(), s.n1().commitments().binding()));
        SigningException e = assertThrows(
                SigningException.class,
                () -> Round2.sign(
                        suite,
                        new SigningPackage(twice, MSG),
                        s.n1(),
                        s.keys().keys().get(1)));
        assertEquals(SigningCheck.SIGNER_SET, e.check());
    }

    @Test
    void theIdentityAndOffCurveCommitmentsAreRefusedNamingTheSender() {
        Ciphersuite suite = Ciphersuite.ED25519_SHA512;
        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] good = suite.serializeElement(suite.curve().generator());
        SigningException e =
                assertThrows(SigningException.class, () -> SigningCommitments.decode(suite, 4, identity, good));
        assertEquals(SigningCheck.INVALID_ELEMENT, e.check());
        assertEquals(4, e.culpritId());
        // A small-order point: (0, -1) has order 2.
        byte[] order2 = new byte[32];
        order2[0] = (byte) 0xec;
        for (int i = 1; i < 31; i++) {
            order2[i] = (byte) 0xff;
        }
        order2[31] = 0x7f;
        assertThrows(SigningException.class, () -> SigningCommitments.decode(suite, 4, good, order2));
        // Uncompressed SEC1 is a valid point encoding but not SerializeElement.
        Ciphersuite p256 = Ciphersuite.P256_SHA256;
        byte[] uncompressed = ((WeierstrassPoint) p256.curve().generator()).encodeUncompressed();
        assertThrows(SigningException.class, () -> SigningCommitments.decode(p256, 2, uncompressed, uncompressed));
    }

    @Test
    void aShareThatIsNotCanonicalIsRefusedNamingTheSender() {
        Ciphersuite suite = Ciphersuite.SECP256K1_TR;
        byte[] tooBig = new byte[32];
        Arrays.fill(tooBig, (byte) 0xff);
        SigningException e = assertThrows(SigningException.class, () -> SignatureShare.decode(suite, 7, tooBig));
        assertEquals(SigningCheck.INVALID_SCALAR, e.check());
        assertEquals(7, e.culpritId());
        assertFalse(e.getMessage().contains("ffff"));
    }
}
