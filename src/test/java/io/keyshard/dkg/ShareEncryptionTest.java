package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.bytes.Framing;
import java.io.InputStream;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * HPKE as the shares and the threshold-ECDSA messages use it: the RFC 9180 known answers of both suites, and the
 * binding of session, sender and recipient.
 */
class ShareEncryptionTest {

    @Test
    void theSharesSuiteMatchesTheRfc9180KnownAnswer() throws Exception {
        matchesKnownAnswer(ShareEncryption.suite(), "/vectors/rfc9180_a1_1_x25519_aes128gcm.json");
    }

    @Test
    void theRelaySuiteMatchesTheRfc9180KnownAnswer() throws Exception {
        matchesKnownAnswer(ShareEncryption.relaySuite(), "/vectors/rfc9180_a2_1_x25519_chacha20poly1305.json");
    }

    @Test
    void aSigningMessageOpensOnlyUnderTheRelaySuite() {
        IdentityKeys two = IdentityKeys.generate(TestNet.RANDOM);
        byte[][] context = {new byte[] {1}, new byte[] {2}};
        byte[] message = new byte[1000];
        message[7] = 9;
        byte[][] round = {new byte[] {3}};
        byte[] sealed =
                IdentityKeys.sendingChannel(two.encryptionPublicKey(), context).seal(round, message);
        assertArrayEquals(message, two.receivingChannel(context).open(round, sealed));
        byte[] framed = Framing.frame(IdentityKeys.SEALED_SIGNING_TAG, context);
        byte[] aad = Framing.frame(IdentityKeys.SEALED_SIGNING_TAG, round);
        // a node of relay version 1 sealed under the shares' AES-128-GCM suite; that does not open here, nor this there
        assertNull(ShareEncryption.open(two.encryptionKeyPair(), framed, aad, sealed), "AES-GCM opens ChaCha20");
        byte[] old = ShareEncryption.seal(
                new X25519PublicKeyParameters(two.encryptionPublicKey(), 0), framed, aad, message, null);
        assertNull(two.receivingChannel(context).open(round, old), "ChaCha20 opens AES-GCM");
    }

    private void matchesKnownAnswer(HPKE suite, String vector) throws Exception {
        JsonNode v;
        try (InputStream in = getClass().getResourceAsStream(vector)) {
            v = new ObjectMapper().readTree(in);
        }
        X25519PrivateKeyParameters skR = new X25519PrivateKeyParameters(hex(v, "skRm"), 0);
        X25519PrivateKeyParameters skE = new X25519PrivateKeyParameters(hex(v, "skEm"), 0);
        assertArrayEquals(hex(v, "pkRm"), skR.generatePublicKey().getEncoded());
        AsymmetricCipherKeyPair ephemeral = new AsymmetricCipherKeyPair(skE.generatePublicKey(), skE);
        byte[] sealed = ShareEncryption.seal(
                suite, skR.generatePublicKey(), hex(v, "info"), hex(v, "aad"), hex(v, "pt"), ephemeral);
        assertArrayEquals(Hex.decode(v.get("enc").asText() + v.get("ct").asText()), sealed);
        AsymmetricCipherKeyPair recipient = new AsymmetricCipherKeyPair(skR.generatePublicKey(), skR);
        assertArrayEquals(hex(v, "pt"), ShareEncryption.open(suite, recipient, hex(v, "info"), hex(v, "aad"), sealed));
    }

    @Test
    void aShareOpensOnlyForItsSessionSenderAndRecipient() {
        IdentityKeys two = IdentityKeys.generate(TestNet.RANDOM);
        IdentityKeys three = IdentityKeys.generate(TestNet.RANDOM);
        byte[] sid = new byte[32];
        byte[] otherSid = new byte[32];
        otherSid[0] = 1;
        byte[] share = new byte[32];
        share[31] = 42;
        byte[] sealed = ShareEncryption.seal(sid, 1, two.participant("OFFICIAL_2", 2), share);
        assertArrayEquals(share, ShareEncryption.open(sid, 1, 2, two.encryptionKeyPair(), sealed));
        assertNull(ShareEncryption.open(sid, 3, 2, two.encryptionKeyPair(), sealed), "another sender");
        assertNull(ShareEncryption.open(otherSid, 1, 2, two.encryptionKeyPair(), sealed), "another session");
        assertNull(ShareEncryption.open(sid, 1, 3, three.encryptionKeyPair(), sealed), "another recipient");
        byte[] flipped = sealed.clone();
        flipped[40] ^= 1;
        assertNull(ShareEncryption.open(sid, 1, 2, two.encryptionKeyPair(), flipped), "tampered");
        assertNull(ShareEncryption.open(sid, 1, 2, two.encryptionKeyPair(), new byte[10]), "truncated");
    }

    private static byte[] hex(JsonNode v, String field) {
        return Hex.decode(v.get(field).asText());
    }
}
