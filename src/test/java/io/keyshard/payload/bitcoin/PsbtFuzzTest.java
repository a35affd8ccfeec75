package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.Network;
import io.keyshard.payload.Refusals;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the Bitcoin payload readers: PSBTs (BIP-174 v0, BIP-370 v2, BIP-371 taproot records) in
 * their binary and base64 forms, output descriptors with their BIP-380 checksum, and message signatures. Oracles, for
 * every input: accepted or refused with IllegalArgumentException and a message (never another
 * exception, never a hang); a PSBT that parses serializes to the very bytes it came from (unknown
 * and proprietary records kept), and for a key of its inputs the review builds, each input it
 * signs takes a signature, and the finalized PSBT parses again.
 */
class PsbtFuzzTest {
    private static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};
    /** The keys of the seed PSBTs (PsbtFuzzTestInputs): one ECDSA, one BIP-340. */
    static final List<TestWallet> WALLETS =
            List.of(new TestWallet(CurveName.SECP256K1, 7), new TestWallet(CurveName.SECP256K1_SCHNORR, 9));

    /**
     * A PSBT as the sign command reads it: binary when it starts with the magic bytes, else base64
     * text. Accepted: byte-for-byte round trip; for each seed key, review, sign and finalize
     * either refuse with a message or produce a PSBT that parses again.
     */
    @FuzzTest(maxDuration = "30s")
    void psbt(byte[] data) {
        boolean binary = data.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC);
        Psbt psbt;
        try {
            psbt = binary ? Psbt.parse(data) : Psbt.fromBase64(new String(data, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        byte[] bytes = psbt.serialize();
        if (binary) {
            assertArrayEquals(data, bytes, "serialize(parse(x)) == x");
        }
        assertArrayEquals(bytes, Psbt.fromBase64(psbt.toBase64()).serialize());
        for (TestWallet w : WALLETS) {
            signAndFinalize(psbt, w);
        }
    }

    private static void signAndFinalize(Psbt psbt, TestWallet w) {
        List<SigningInput> mine;
        try {
            mine = PsbtSigner.inputsFor(psbt, w.root);
            PsbtReview review = PsbtReview.of(psbt, w.root, Network.MAINNET);
            assertEquals(psbt.inputs().size(), review.inputs().size());
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        Psbt signed = psbt;
        for (SigningInput in : mine) {
            signed = in.isSchnorr()
                    ? PsbtSignatures.addSchnorr(signed, in, w.signSchnorr(in))
                    : PsbtSignatures.addEcdsa(signed, in, w.signEcdsa(in));
        }
        assertArrayEquals(signed.serialize(), Psbt.parse(signed.serialize()).serialize());
        PsbtFinalizer.Finalized done;
        try {
            done = PsbtFinalizer.finalizeInputs(signed);
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            return;
        }
        for (SigningInput in : mine) {
            assertTrue(done.inputs().contains(in.index()), "an input just signed finalizes: " + in.index());
        }
        assertNotNull(Psbt.parse(done.psbt().serialize()));
        if (done.psbt().inputs().stream().allMatch(PsbtInput::isFinalized)) {
            try {
                Transaction tx = PsbtFinalizer.extract(done.psbt());
                assertArrayEquals(
                        tx.serialize(), Transaction.parse(tx.serialize()).serialize());
            } catch (IllegalArgumentException refused) {
                Refusals.assertExplained(refused);
            }
        }
    }

    /**
     * Descriptor text through the BIP-380 checksum reader (the export command checks what it prints with it). Accepted: it is its body
     * with the body's checksum; any body of descriptor characters gets a checksum that verifies.
     */
    @FuzzTest(maxDuration = "30s")
    void descriptor(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            String body = Descriptors.verify(text);
            assertEquals(text, Descriptors.withChecksum(body));
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
        }
        int hash = text.indexOf('#');
        String body = hash < 0 ? text : text.substring(0, hash);
        try {
            assertEquals(body, Descriptors.verify(Descriptors.withChecksum(body)));
        } catch (IllegalArgumentException refused) {
            Refusals.assertExplained(refused);
            assertTrue(refused.getMessage().contains("cannot appear in a descriptor"), refused.getMessage());
        }
    }

    /**
     * A message signature text as a verifier is handed it (BIP-322 simple, with or without smp, and Core's
     * signmessage form) for a P2WPKH, a P2TR and a P2PKH address of a seed key. Oracle: a reason or null,
     * never an exception; and a random text is never valid for both the message and another one.
     */
    @FuzzTest(maxDuration = "30s")
    void messageSignature(byte[] data) {
        String signature = new String(data, StandardCharsets.ISO_8859_1);
        byte[] message = "fuzzed".getBytes(StandardCharsets.US_ASCII);
        byte[] other = "other".getBytes(StandardCharsets.US_ASCII);
        TestWallet ecdsa = WALLETS.get(0);
        byte[] keyHash = Digests.hash160(ecdsa.publicKey("m/84/0/0/0/0"));
        byte[] outputKey = Taproot.outputKey(WALLETS.get(1).xOnly("m/86/0/0/0/0"), null);
        for (byte[] script : List.of(Scripts.p2wpkh(keyHash), Scripts.p2tr(outputKey))) {
            String problem = Bip322.check(script, message, signature);
            assertTrue(problem != null || Bip322.check(script, other, signature) != null, signature);
        }
        String legacy = LegacyMessage.check(keyHash, message, signature);
        assertTrue(legacy != null || LegacyMessage.check(keyHash, other, signature) != null, signature);
    }
}
