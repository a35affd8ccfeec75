package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.Eip191;
import io.keyshard.payload.evm.Eip7702Authorization;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.payload.evm.EvmTransaction;
import io.keyshard.payload.evm.SignedAuthorization;
import io.keyshard.payload.evm.SignedEip1559;
import io.keyshard.payload.evm.SignedLegacy;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard sign eth-message|eth-typed|eth-tx|eth-authorization} with a SECP256k1 key on the shared local cluster
 * (threshold ECDSA): the signature recovers the address {@code derive} prints, as wallets and nodes check
 * it, and the signed transaction decodes with that sender.
 */
class EvmSignIT {
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
        return cli.derive(keyId, "--chain", "evm", "--index", index)
                .get("address")
                .asText();
    }

    private static byte[] hex(JsonNode o, String field) {
        return Hex.decode(o.get(field).asText().substring(2), field);
    }

    @Test
    void personalSignRecoversTheDerivedAddress() throws Exception {
        JsonNode o = SignCli.json(cli.run(
                "sign", "eth-message", "--key-id", keyId, "--chain", "evm", "--index", "3", "--text", "gm", "--json"));
        byte[] digest = Eip191.hash("gm".getBytes(StandardCharsets.UTF_8));
        assertEquals("0x" + Hex.encode(digest), o.get("digest").asText());
        EvmSignature sig = EvmSignature.decode(hex(o, "signature"));
        assertEquals(sig.v(), o.get("v").asInt());
        assertTrue(EcRecover.sameAddress(address("3"), EcRecover.recoverAddress(digest, sig)));
        assertEquals(address("3"), o.get("address").asText());
        assertTrue(sig.isLowS());
    }

    @Test
    void typedDataRecoversTheDerivedAddress() throws Exception {
        Path mail = dir.resolve("mail.json");
        try (InputStream in = EvmSignIT.class.getResourceAsStream("/io/keyshard/payload/evm/mail.json")) {
            Files.write(mail, in.readAllBytes());
        }
        CliHarness.Result r = cli.run("sign", "eth-typed", "--key-id", keyId, "--file", mail.toString(), "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("Ether Mail"), r.err());
        byte[] digest = hex(o, "digest");
        assertEquals("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Hex.encode(digest));
        EvmSignature sig = EvmSignature.decode(hex(o, "signature"));
        assertTrue(EcRecover.sameAddress(address("0"), EcRecover.recoverAddress(digest, sig)));
    }

    @Test
    void transactionDecodesWithTheDerivedSender() throws Exception {
        String from = address("5");
        Path tx = dir.resolve("tx.json");
        Files.writeString(
                tx,
                "{\"from\":\"" + from + "\",\"chainId\":\"0xaa36a7\",\"nonce\":\"0x3\",\"maxPriorityFeePerGas\":"
                        + "\"0x3b9aca00\",\"maxFeePerGas\":\"0x9502f9000\",\"gas\":\"0x5208\",\"to\":"
                        + "\"0x000000000000000000000000000000000000dEaD\",\"value\":\"0x2386f26fc10000\",\"data\":\"0x\","
                        + "\"accessList\":[]}");
        CliHarness.Result r = cli.run(
                "sign",
                "eth-tx",
                "--key-id",
                keyId,
                "--chain",
                "evm",
                "--index",
                "5",
                "--file",
                tx.toString(),
                "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("11155111") && r.err().contains("0.01 ETH"), r.err());
        SignedEip1559 signed = SignedEip1559.decode(hex(o, "signedTransaction"));
        assertTrue(EcRecover.sameAddress(from, signed.sender()));
        assertEquals("0x" + Hex.encode(signed.txHash()), o.get("txHash").asText());
        assertEquals(11155111L, signed.transaction().chainId().longValueExact());
        assertEquals(3L, signed.transaction().nonce().longValueExact());
        JsonNode history = cli.history(keyId);
        assertEquals("eth-tx", history.get(history.size() - 1).get("payload").asText());
    }

    @Test
    void anUnsignedSerialisedTransactionInAFileSignsLikeItsJson() throws Exception {
        // viem's serializeTransaction vector: chain 1, nonce 785, 2 gwei fees, 1 ether to 0x7099...79c8
        String unsigned = "0x02ef0182031184773594008477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a7"
                + "64000080c0";
        Path text = dir.resolve("tx.hex");
        Files.writeString(text, unsigned + "\n");
        Path binary = dir.resolve("tx.bin");
        Files.write(binary, Hex.decode(unsigned.substring(2), "tx"));
        for (Path file : List.of(text, binary)) {
            CliHarness.Result r =
                    cli.run("sign", "eth-tx", "--key-id", keyId, "--index", "2", "--file", file.toString(), "--json");
            JsonNode o = SignCli.json(r);
            assertTrue(r.err().contains("1 ETH"), r.err());
            SignedEip1559 signed = SignedEip1559.decode(hex(o, "signedTransaction"));
            assertTrue(EcRecover.sameAddress(address("2"), signed.sender()));
            assertEquals(unsigned.substring(2), Hex.encode(signed.transaction().unsignedEncoding()));
        }
        // the same transfer as a legacy transaction with its chain id (EIP-155), as viem serialises it
        String legacyUnsigned =
                "0xeb8203118477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080018080";
        Path legacy = dir.resolve("legacy.hex");
        Files.writeString(legacy, legacyUnsigned);
        CliHarness.Result r =
                cli.run("sign", "eth-tx", "--key-id", keyId, "--index", "2", "--file", legacy.toString(), "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("Gas price") && r.err().contains("2 gwei"), r.err());
        SignedLegacy signed = SignedLegacy.decode(hex(o, "signedTransaction"));
        assertTrue(EcRecover.sameAddress(address("2"), signed.sender()));
        assertEquals(
                legacyUnsigned.substring(2), Hex.encode(signed.transaction().unsignedEncoding()));
        assertEquals("0x" + Hex.encode(signed.txHash()), o.get("txHash").asText());
        // without its chain id (before EIP-155) any chain would take the signature: refused, nothing signed
        Path replayable = dir.resolve("replayable.hex");
        Files.writeString(
                replayable, "0xe88203118477359400809470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080");
        CliHarness.Result refused =
                cli.run("sign", "eth-tx", "--key-id", keyId, "--file", replayable.toString(), "--json");
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("no chain id"), refused.err());
    }

    @Test
    void aLegacyTransactionWithAGasPriceSignsForItsChain() throws Exception {
        // BNB Smart Chain, where dapps still ask for a gasPrice
        String from = address("4");
        Path tx = dir.resolve("legacy.json");
        Files.writeString(
                tx,
                "{\"from\":\"" + from + "\",\"chainId\":\"0x38\",\"nonce\":\"0x7\",\"gasPrice\":\"0x3b9aca00\","
                        + "\"gas\":\"0x5208\",\"to\":\"0x000000000000000000000000000000000000dEaD\",\"value\":"
                        + "\"0x2386f26fc10000\"}");
        CliHarness.Result r =
                cli.run("sign", "eth-tx", "--key-id", keyId, "--index", "4", "--file", tx.toString(), "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("Gas price") && r.err().contains("1 gwei"), r.err());
        SignedLegacy signed = SignedLegacy.decode(hex(o, "signedTransaction"));
        assertTrue(EcRecover.sameAddress(from, signed.sender()));
        assertEquals(56L, signed.transaction().chainId().longValueExact());
        assertEquals(7L, signed.transaction().nonce().longValueExact());
        assertEquals("0x" + Hex.encode(signed.txHash()), o.get("txHash").asText());
        JsonNode history = cli.history(keyId);
        assertTrue(
                history.get(history.size() - 1)
                        .get("description")
                        .asText()
                        .startsWith("Legacy transaction on chain 56"),
                history.get(history.size() - 1).toString());
    }

    @Test
    void anAccessListTransactionWithAGasPriceSignsAsTypeOne() throws Exception {
        String from = address("6");
        Path tx = dir.resolve("eip2930.json");
        Files.writeString(
                tx,
                "{\"from\":\"" + from + "\",\"chainId\":\"0x1\",\"nonce\":\"0x2\",\"gasPrice\":\"0x3b9aca00\","
                        + "\"gas\":\"0x7530\",\"to\":\"0x000000000000000000000000000000000000dEaD\",\"value\":\"0x1\","
                        + "\"accessList\":[{\"address\":\"0x000000000000000000000000000000000000dEaD\",\"storageKeys\":"
                        + "[\"0x" + "00".repeat(31) + "01\"]}]}");
        CliHarness.Result r =
                cli.run("sign", "eth-tx", "--key-id", keyId, "--index", "6", "--file", tx.toString(), "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("(EIP-2930)") && r.err().contains("Access list"), r.err());
        byte[] signed = hex(o, "signedTransaction");
        assertEquals(0x01, signed[0]);
        EvmTransaction parsed = EvmTransaction.parse(Files.readString(tx));
        assertTrue(EcRecover.sameAddress(from, parsed.senderOf(signed)));
        assertEquals(
                "0x" + Hex.encode(Hashes.keccak256(signed)), o.get("txHash").asText());
        JsonNode history = cli.history(keyId);
        assertTrue(
                history.get(history.size() - 1)
                        .get("description")
                        .asText()
                        .startsWith("EIP-2930 transaction on chain 1"),
                history.get(history.size() - 1).toString());
    }

    @Test
    void anAccountAuthorizesADelegateAndSendsTheSetCodeTransactionThatCarriesIt() throws Exception {
        String self = address("7");
        Path auth = dir.resolve("authorization.json");
        String delegate = "0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B";
        Files.writeString(auth, "{\"chainId\":\"0x1\",\"address\":\"" + delegate + "\",\"nonce\":\"0x9\"}");
        CliHarness.Result r = cli.run(
                "sign", "eth-authorization", "--key-id", keyId, "--index", "7", "--file", auth.toString(), "--json");
        JsonNode a = SignCli.json(r);
        assertTrue(r.err().contains("this hands the account " + self + " to contract " + delegate), r.err());
        Eip7702Authorization unsigned =
                Eip7702Authorization.parse(Files.readString(auth)).authorization();
        assertEquals("0x" + Hex.encode(unsigned.signingHash()), a.get("digest").asText());
        SignedAuthorization signed = new SignedAuthorization(
                unsigned,
                BigInteger.valueOf(a.get("v").asInt()),
                new BigInteger(a.get("r").asText().substring(2), 16),
                new BigInteger(a.get("s").asText().substring(2), 16));
        assertEquals(Optional.of(self), signed.authority());
        JsonNode history = cli.history(keyId);
        assertEquals(
                "eth-authorization",
                history.get(history.size() - 1).get("payload").asText());

        // the printed authorization is the list entry as it is; the same account sends it, at a transaction
        // nonce one below the authorization's
        assertEquals("0x9", a.get("authorization").get("nonce").asText());
        assertEquals(delegate, a.get("authorization").get("address").asText());
        Path tx = dir.resolve("set-code.json");
        Files.writeString(
                tx,
                "{\"chainId\":\"0x1\",\"nonce\":\"0x8\",\"maxPriorityFeePerGas\":\"0x3b9aca00\",\"maxFeePerGas\":"
                        + "\"0x9502f9000\",\"gas\":\"0x186a0\",\"to\":\"" + self + "\",\"authorizationList\":["
                        + a.get("authorization") + "]}");
        CliHarness.Result t =
                cli.run("sign", "eth-tx", "--key-id", keyId, "--index", "7", "--file", tx.toString(), "--json");
        JsonNode o = SignCli.json(t);
        assertTrue(t.err().contains("(EIP-7702, set code)") && t.err().contains("Authorization 1"), t.err());
        assertTrue(!t.err().contains("nonce + 1"), t.err());
        byte[] raw = hex(o, "signedTransaction");
        assertEquals(0x04, raw[0]);
        EvmTransaction parsed = EvmTransaction.parse(Files.readString(tx));
        assertTrue(EcRecover.sameAddress(self, parsed.senderOf(raw)));
        assertEquals("0x" + Hex.encode(Hashes.keccak256(raw)), o.get("txHash").asText());
    }
}
