package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * One HPKE context per ordered pair of a signing: its messages open once, in the order sealed, in their own
 * round, for their own recipient and signing; the context follows RFC 9180's sequence numbers.
 */
class SigningChannelTest {
    private static final byte[][] INFO = {bytes("signing A"), bytes("from 11"), bytes("to 12")};

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] round(int r) {
        return new byte[][] {bytes("round"), new byte[] {(byte) r}};
    }

    private static byte[] message(int fill, int length) {
        byte[] m = new byte[length];
        java.util.Arrays.fill(m, (byte) fill);
        return m;
    }

    @Test
    void twoMessagesSealedOnOneContextOpenInOrderAndOnlyTheFirstCarriesTheEncapsulatedKey() {
        IdentityKeys bravo = IdentityKeys.generate(TestNet.RANDOM);
        SigningChannel out = IdentityKeys.sendingChannel(bravo.encryptionPublicKey(), INFO);
        byte[] one = out.seal(round(1), message(1, 5000));
        byte[] two = out.seal(round(2), message(2, 3000));
        assertEquals(ShareEncryption.sealedLength(5000), one.length, "enc ‖ ciphertext");
        assertEquals(3000 + ShareEncryption.TAG_LENGTH, two.length, "the ciphertext alone");
        SigningChannel in = bravo.receivingChannel(INFO);
        assertArrayEquals(message(1, 5000), in.open(round(1), one));
        assertArrayEquals(message(2, 3000), in.open(round(2), two));
        assertNull(in.open(round(2), two), "replayed");
    }

    @Test
    void outOfOrderReplayedWrongRoundWrongRecipientAndWrongSigningAreRefused() {
        IdentityKeys bravo = IdentityKeys.generate(TestNet.RANDOM);
        IdentityKeys charlie = IdentityKeys.generate(TestNet.RANDOM);
        SigningChannel out = IdentityKeys.sendingChannel(bravo.encryptionPublicKey(), INFO);
        byte[] one = out.seal(round(1), message(1, 100));
        byte[] two = out.seal(round(2), message(2, 100));

        assertNull(bravo.receivingChannel(INFO).open(round(2), two), "the second message first");
        assertNull(bravo.receivingChannel(INFO).open(round(1), two), "the second message relayed as the first");
        SigningChannel replay = bravo.receivingChannel(INFO);
        assertArrayEquals(message(1, 100), replay.open(round(1), one));
        assertNull(replay.open(round(2), one), "the first message relayed again as the second");
        SigningChannel rounds = bravo.receivingChannel(INFO);
        assertNull(rounds.open(round(2), one), "the first message under the second round's associated data");
        SigningChannel later = bravo.receivingChannel(INFO);
        assertArrayEquals(message(1, 100), later.open(round(1), one));
        assertNull(later.open(round(1), two), "the second message under the first round's associated data");
        assertNull(charlie.receivingChannel(INFO).open(round(1), one), "another recipient");
        byte[][] otherSigning = {bytes("signing B"), bytes("from 11"), bytes("to 12")};
        assertNull(bravo.receivingChannel(otherSigning).open(round(1), one), "another signing");
        byte[] flipped = one.clone();
        flipped[flipped.length - 1] ^= 1;
        assertNull(bravo.receivingChannel(INFO).open(round(1), flipped), "tampered");
        assertNull(bravo.receivingChannel(INFO).open(round(1), new byte[10]), "truncated");
    }

    @Test
    void aFailedOpenEndsTheChannelAndADestroyedOneNeitherSealsNorOpens() {
        IdentityKeys bravo = IdentityKeys.generate(TestNet.RANDOM);
        SigningChannel out = IdentityKeys.sendingChannel(bravo.encryptionPublicKey(), INFO);
        byte[] one = out.seal(round(1), message(1, 100));
        SigningChannel in = bravo.receivingChannel(INFO);
        byte[] two = out.seal(round(2), message(2, 100));
        assertArrayEquals(message(1, 100), in.open(round(1), one));
        byte[] flipped = two.clone();
        flipped[0] ^= 1;
        assertNull(in.open(round(2), flipped));
        assertThrows(IllegalStateException.class, () -> in.open(round(2), two), "nothing opens after a failure");
        out.destroy();
        assertThrows(IllegalStateException.class, () -> out.seal(round(3), message(3, 10)));
        assertThrows(IllegalStateException.class, () -> in.seal(round(1), message(1, 10)), "a receiver seals nothing");
    }

    /** RFC 9180 A.2.1.1: the base-mode ChaCha20-Poly1305 context's encryptions with sequence numbers 0 and 1. */
    @Test
    void theContextsSequenceMatchesTheRfc9180KnownAnswers() {
        HPKE suite = ShareEncryption.relaySuite();
        X25519PrivateKeyParameters skR = new X25519PrivateKeyParameters(
                Hex.decode("8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb"), 0);
        X25519PrivateKeyParameters skE = new X25519PrivateKeyParameters(
                Hex.decode("f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600"), 0);
        byte[] info = Hex.decode("4f6465206f6e2061204772656369616e2055726e");
        byte[] pt = Hex.decode("4265617574792069732074727574682c20747275746820626561757479");
        byte[][] aad = {Hex.decode("436f756e742d30"), Hex.decode("436f756e742d31")};
        byte[][] ct = {
            Hex.decode("1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28"),
            Hex.decode("6b53c051e4199c518de79594e1c4ab18b96f081549d45ce015be002090bb119e85285337cc95ba5f59992dc98c")
        };
        HPKEContextWithEncapsulation s = suite.setupBaseS(
                skR.generatePublicKey(), info, new AsymmetricCipherKeyPair(skE.generatePublicKey(), skE));
        assertArrayEquals(ct[0], ShareEncryption.sealNext(s, aad[0], pt));
        assertArrayEquals(ct[1], ShareEncryption.sealNext(s, aad[1], pt));
        byte[] first = org.bouncycastle.util.Arrays.concatenate(s.getEncapsulation(), ct[0]);
        HPKEContext r =
                ShareEncryption.receiver(suite, new AsymmetricCipherKeyPair(skR.generatePublicKey(), skR), info, first);
        assertArrayEquals(pt, ShareEncryption.openNext(r, aad[0], first, ShareEncryption.ENC_LENGTH));
        assertArrayEquals(pt, ShareEncryption.openNext(r, aad[1], ct[1], 0));
    }
}
