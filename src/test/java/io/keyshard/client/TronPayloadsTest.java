package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.payload.tron.TronMessage;
import io.keyshard.payload.tron.TronTransaction;
import io.keyshard.testing.TronRaw;
import io.keyshard.vault.KeyRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tron transactions through the payload service without servers: reviewed from the vault alone, refused when
 * they act for another account, and finished into the signed transaction a node takes, fed with the signature
 * the threshold signing of the key returns (made here by a key whose secret the test knows).
 */
class TronPayloadsTest {
    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger SECRET = BigInteger.valueOf(0x7a0_5eedL);
    private static final String PATH = "m/44/195/0/0/0";
    private static final String RECIPIENT = "TUznHJfHe6gdYY7gvWmf6bNZHuPHDZtowf";

    @TempDir
    Path home;

    LocalEcdsa.Fixture fx;
    Workspace ws;
    KeyRecord key;

    @BeforeEach
    void open() {
        fx = LocalEcdsa.Fixture.open(home, SECRET);
        ws = fx.ws();
        key = fx.key();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private String tronAddress() {
        return KeyPipeline.run(Workspace.rootOf(key), Chain.TRON, DerivationPath.parse(PATH), Network.MAINNET)
                .address()
                .value();
    }

    private PreparedPayload prepare(String text) {
        return ws.payloads()
                .prepare(new PayloadRequest(
                        key.keyId(),
                        PayloadKind.TRON_TX,
                        text.getBytes(StandardCharsets.UTF_8),
                        null,
                        null,
                        null,
                        false));
    }

    @Test
    void aTrxTransferIsReviewedAndSignedIntoTheTransactionANodeTakes() {
        String self = tronAddress();
        byte[] raw = TronRaw.transfer(
                self, RECIPIENT, 2_500_000, Instant.now().plusSeconds(600).toEpochMilli());
        PreparedPayload p = prepare("{\"raw_data_hex\":\"" + Hex.encode(raw) + "\"}");
        String review = p.review().text();
        assertTrue(p.review().rows().contains(new SignReview.Row("Action", "Send TRX (TransferContract)")), review);
        assertTrue(p.review().rows().contains(new SignReview.Row("To", RECIPIENT)), review);
        assertTrue(p.review().rows().contains(new SignReview.Row("Amount", "2.5 TRX")), review);
        assertTrue(
                p.review().rows().contains(new SignReview.Row("TRX this account sends", "2.5 TRX and the network fee")),
                review);
        assertTrue(p.review().rows().contains(new SignReview.Row("Signer", self)), review);
        assertTrue(p.review().warnings().isEmpty(), review);
        byte[] txId = Digests.sha256(raw);
        assertEquals(Hex.encode(txId), p.digest());
        assertEquals(
                "Tron: Send TRX, 2.5 TRX to " + RECIPIENT,
                p.plan().parts().get(0).description());

        PayloadResult r = p.plan().finish(List.of(signed(SECRET, txId)));
        byte[] signature = Hex.decode(r.signature(), "signature");
        assertEquals(65, signature.length);
        assertTrue(r.v() == 27 || r.v() == 28);
        assertEquals(r.v(), signature[64] & 0xff);
        assertEquals(Hex.encode(txId), r.txHash());
        TronTransaction tx = TronTransaction.parse(raw);
        assertEquals(self, tx.signerOf(signature));
        assertArrayEquals(tx.signedEncoding(signature), Hex.decode(r.signedTransaction(), "signed"));
        // the signed transaction is raw_data (field 1) then the signature (field 2), as core/Tron.proto says
        assertEquals(
                "0a" + Integer.toHexString(raw.length), r.signedTransaction().substring(0, 4));
        assertTrue(r.signedTransaction().endsWith("1241" + r.signature()), r.signedTransaction());
    }

    @Test
    void aTransactionForAnotherAccountIsRefusedNamingBoth() {
        byte[] raw = TronRaw.transfer(
                RECIPIENT, tronAddress(), 1, Instant.now().plusSeconds(60).toEpochMilli());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prepare(Hex.encode(raw)));
        assertTrue(e.getMessage().contains("acts for account " + RECIPIENT), e.getMessage());
        assertTrue(e.getMessage().contains(tronAddress()), e.getMessage());
    }

    @Test
    void anExpiredTransactionIsWarnedAboutAndASignatureByAnotherKeyIsNeverReturned() {
        byte[] raw = TronRaw.transfer(tronAddress(), RECIPIENT, 1, 1_600_000_000_000L);
        PreparedPayload p = prepare(Hex.encode(raw));
        assertTrue(
                p.review().warnings().stream().anyMatch(w -> w.contains("expired at 2020-09-13T12:26:40Z")),
                p.review().text());
        byte[] far = TronRaw.transfer(
                tronAddress(),
                RECIPIENT,
                1,
                Instant.now().plusSeconds(3 * 86_400).toEpochMilli());
        assertTrue(
                prepare(Hex.encode(far)).review().warnings().stream()
                        .anyMatch(w -> w.contains("more than 24 hours after their latest block")),
                () -> prepare(Hex.encode(far)).review().text());
        KeygenException e = assertThrows(
                KeygenException.class,
                () -> p.plan().finish(List.of(signed(SECRET.add(BigInteger.ONE), Digests.sha256(raw)))));
        assertEquals(ExitCoded.PROTOCOL, e.exitCode());
        assertTrue(e.getMessage().contains("is not this key's address"), e.getMessage());
    }

    @Test
    void aTronMessageIsShownAndItsSignatureRecoversThisKeysAccount() {
        PreparedPayload p = ws.payloads()
                .prepare(new PayloadRequest(
                        key.keyId(),
                        PayloadKind.TRON_MESSAGE,
                        "Sign in to example.org".getBytes(StandardCharsets.UTF_8),
                        null,
                        null,
                        null,
                        false));
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Message", "\"Sign in to example.org\"")),
                p.review().text());
        byte[] digest = TronMessage.hash("Sign in to example.org".getBytes(StandardCharsets.UTF_8));
        assertEquals(Hex.encode(digest), p.digest());
        PayloadResult r = p.plan().finish(List.of(signed(SECRET, digest)));
        assertTrue(r.signature().startsWith("0x"), r.signature());
        byte[] signature = Hex.decode(r.signature().substring(2), "signature");
        assertEquals(
                tronAddress(),
                TronMessage.signerOf("Sign in to example.org".getBytes(StandardCharsets.UTF_8), signature));
        assertEquals("\"Sign in to example.org\"", r.messageShown());
        KeygenException e = assertThrows(
                KeygenException.class, () -> p.plan().finish(List.of(signed(SECRET.add(BigInteger.TEN), digest))));
        assertEquals(ExitCoded.PROTOCOL, e.exitCode());
    }

    private SignResult signed(BigInteger secret, byte[] digest) {
        return LocalEcdsa.signed(key, secret, PATH, digest);
    }
}
