package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.payload.tron.Tip712;
import io.keyshard.payload.tron.TronMessage;
import io.keyshard.payload.tron.TronTransaction;
import io.keyshard.sign.EcdsaVerifiers;
import io.keyshard.testing.GasFreeJson;
import io.keyshard.testing.TronRaw;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard sign tron-tx} with a SECP256k1 key on the shared local cluster (threshold ECDSA): the signature
 * recovers, as a Tron node recovers it, the address {@code derive --chain tron} prints, the signed transaction
 * holds the raw_data signed, and a transaction for another account is refused with nothing signed.
 */
class TronSignIT {
    private static final String RECIPIENT = "TUznHJfHe6gdYY7gvWmf6bNZHuPHDZtowf";
    private static final String USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";

    @TempDir
    static Path dir;

    static SignCli cli;
    static String keyId;

    @BeforeAll
    static void setUp() throws Exception {
        cli = SignCli.create(dir);
        keyId = cli.keygen(CurveName.SECP256K1);
    }

    private static String address(String index) throws Exception {
        return cli.derive(keyId, "--chain", "tron", "--index", index)
                .get("address")
                .asText();
    }

    private static long inTenMinutes() {
        return Instant.now().plusSeconds(600).toEpochMilli();
    }

    @Test
    void aTrxTransferInTronWebsJsonSignsForTheDerivedAccount() throws Exception {
        String from = address("2");
        byte[] raw = TronRaw.transfer(from, RECIPIENT, 12_345_678, inTenMinutes());
        String txId = Hex.encode(Digests.sha256(raw));
        Path file = dir.resolve("transfer.json");
        Files.writeString(
                file, "{\"visible\":false,\"txID\":\"" + txId + "\",\"raw_data_hex\":\"" + Hex.encode(raw) + "\"}");
        CliHarness.Result r = cli.run(
                "sign",
                "tron-tx",
                "--key-id",
                keyId,
                "--chain",
                "tron",
                "--index",
                "2",
                "--file",
                file.toString(),
                "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("Send TRX") && r.err().contains("12.345678 TRX"), r.err());
        assertEquals(txId, o.get("digest").asText());
        assertEquals(txId, o.get("txHash").asText());
        assertEquals(from, o.get("address").asText());
        byte[] signature = Hex.decode(o.get("signature").asText(), "signature");
        assertEquals(o.get("v").asInt(), signature[64] & 0xff);
        assertTrue(EvmSignature.decode(signature).isLowS());
        // a verifier that knows nothing of Tron: Bouncy Castle's ECDSA over the transaction id, under the derived key
        assertTrue(EcdsaVerifiers.bouncyCastle(
                CurveName.SECP256K1,
                o.get("publicKey").asText(),
                Digests.sha256(raw),
                o.get("der").asText()));
        TronTransaction tx = TronTransaction.parse(raw);
        assertEquals(from, tx.signerOf(signature));
        assertEquals(
                Hex.encode(tx.signedEncoding(signature)),
                o.get("signedTransaction").asText());
        JsonNode history = cli.history(keyId);
        assertEquals("tron-tx", history.get(history.size() - 1).get("payload").asText());
    }

    @Test
    void anUnlimitedUsdtApprovalInHexIsWarnedAboutAndSigned() throws Exception {
        String from = address("0");
        byte[] data = Hex.decode("095ea7b3" + "0".repeat(22) + "41" + "ab".repeat(20) + "f".repeat(64), "data");
        byte[] raw = TronRaw.call(from, USDT, data, 30_000_000, inTenMinutes());
        CliHarness.Result r = cli.run("sign", "tron-tx", "--key-id", keyId, "--hex", "0x" + Hex.encode(raw), "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("Approve a spender") && r.err().contains("all of this account's USDT"), r.err());
        assertTrue(r.err().contains("at most 30 TRX burnt"), r.err());
        assertEquals(
                from,
                TronTransaction.parse(raw)
                        .signerOf(Hex.decode(o.get("signature").asText(), "sig")));
    }

    @Test
    void aTronMessageRecoversTheDerivedAccountAsVerifyMessageV2Does() throws Exception {
        JsonNode o = SignCli.json(cli.run(
                "sign",
                "tron-message",
                "--key-id",
                keyId,
                "--chain",
                "tron",
                "--index",
                "4",
                "--text",
                "gm",
                "--json"));
        byte[] digest = TronMessage.hash("gm".getBytes(StandardCharsets.UTF_8));
        assertEquals(Hex.encode(digest), o.get("digest").asText());
        byte[] signature = Hex.decode(o.get("signature").asText().substring(2), "signature");
        assertEquals(address("4"), TronMessage.signerOf("gm".getBytes(StandardCharsets.UTF_8), signature));
        assertTrue(EcdsaVerifiers.bouncyCastle(
                CurveName.SECP256K1,
                o.get("publicKey").asText(),
                digest,
                o.get("der").asText()));
        JsonNode history = cli.history(keyId);
        assertEquals(
                "tron-message", history.get(history.size() - 1).get("payload").asText());
    }

    @Test
    void aGasFreeTransferInTypedDataRecoversTheDerivedAccountAsTheControllerDoes() throws Exception {
        String user = address("3");
        String json = GasFreeJson.permit(
                "728126428", user, Instant.now().plusSeconds(600).getEpochSecond());
        Path file = dir.resolve("gasfree.json");
        Files.writeString(file, json);
        CliHarness.Result r = cli.run(
                "sign",
                "tron-typed",
                "--key-id",
                keyId,
                "--chain",
                "tron",
                "--index",
                "3",
                "--file",
                file.toString(),
                "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("GasFree transfer") && r.err().contains("12.5 USDT"), r.err());
        byte[] digest = Tip712.digest(Tip712.parse(json), new ArrayList<>());
        assertEquals(Hex.encode(digest), o.get("digest").asText());
        byte[] signature = Hex.decode(o.get("signature").asText().substring(2), "signature");
        assertEquals(user, Tip712.signerOf(digest, signature));
        assertTrue(EcdsaVerifiers.bouncyCastle(
                CurveName.SECP256K1,
                o.get("publicKey").asText(),
                digest,
                o.get("der").asText()));
        JsonNode history = cli.history(keyId);
        assertEquals(
                "tron-typed", history.get(history.size() - 1).get("payload").asText());
    }

    @Test
    void aTransactionForAnotherAccountExitsTwoWithNothingSigned() throws Exception {
        int before = cli.history(keyId).size();
        byte[] raw = TronRaw.transfer(RECIPIENT, address("0"), 1, inTenMinutes());
        CliHarness.Result r = cli.run("sign", "tron-tx", "--key-id", keyId, "--hex", Hex.encode(raw), "--json");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("acts for account " + RECIPIENT), r.err());
        assertEquals(before, cli.history(keyId).size());
    }
}
