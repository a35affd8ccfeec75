package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Base58;
import io.keyshard.address.SegwitAddress;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.payload.bitcoin.Bip322;
import io.keyshard.payload.bitcoin.LegacyMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard sign btc-message} on the shared local cluster: a SECP256k1 key signs for its native
 * SegWit address (BIP-322 simple, threshold ECDSA) and its legacy one (Core's signmessage), a
 * SECP256K1_SCHNORR key for its Taproot address (BIP-322 simple, FROST under the BIP-86 output key);
 * each signature is checked as a verifier checks it, against the address {@code derive} prints.
 */
class BitcoinMessageSignIT {
    private static final String MESSAGE = "I control this address: Keyshard 2026-12";

    @TempDir
    static Path dir;

    static SignCli cli;

    @BeforeAll
    static void setUp() throws Exception {
        cli = SignCli.create(dir);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] segwitScript(String address) {
        return SegwitAddress.decode("bc", address).scriptPubKey();
    }

    @Test
    void aSecp256k1KeySignsForItsSegwitAndLegacyAddresses() throws Exception {
        String keyId = cli.keygen(CurveName.SECP256K1);
        CliHarness.Result r = cli.run("sign", "btc-message", "--key-id", keyId, "--text", MESSAGE, "--json");
        JsonNode o = SignCli.json(r);
        String address =
                cli.derive(keyId, "--chain", "bitcoin-p2wpkh").get("address").asText();
        assertEquals(address, o.get("address").asText());
        assertEquals("m/84/0/0/0/0", o.get("derivationPath").asText());
        assertTrue(r.err().contains("BIP-322 simple") && r.err().contains(MESSAGE), r.err());
        String signature = o.get("signature").asText();
        assertTrue(signature.startsWith("smp"), signature);
        assertNull(Bip322.check(segwitScript(address), utf8(MESSAGE), signature));
        assertNotNull(Bip322.check(segwitScript(address), utf8(MESSAGE + "."), signature));

        JsonNode legacy = SignCli.json(cli.run(
                "sign",
                "btc-message",
                "--key-id",
                keyId,
                "--chain",
                "bitcoin-p2pkh",
                "--index",
                "3",
                "--text",
                MESSAGE,
                "--json"));
        String p2pkh = cli.derive(keyId, "--chain", "bitcoin-p2pkh", "--index", "3")
                .get("address")
                .asText();
        assertEquals(p2pkh, legacy.get("address").asText());
        byte[] keyHash = Arrays.copyOfRange(Base58.decodeCheck(p2pkh), 1, 21);
        assertNull(LegacyMessage.check(
                keyHash, utf8(MESSAGE), legacy.get("signature").asText()));

        JsonNode history = cli.history(keyId);
        assertEquals(2, history.size(), history.toString());
        assertEquals("btc-message", history.get(0).get("payload").asText());
    }

    @Test
    void aTaprootKeySignsForItsP2trAddressUnderTheOutputKey() throws Exception {
        String keyId = cli.keygen(CurveName.SECP256K1_SCHNORR);
        JsonNode o = SignCli.json(cli.run(
                "sign",
                "btc-message",
                "--key-id",
                keyId,
                "--chain",
                "bitcoin-p2tr",
                "--index",
                "5",
                "--hex",
                "0x" + Hex.encode(utf8(MESSAGE)),
                "--json"));
        String address = cli.derive(keyId, "--chain", "bitcoin-p2tr", "--index", "5")
                .get("address")
                .asText();
        assertEquals(address, o.get("address").asText());
        assertEquals("BIP-340", o.get("scheme").asText());
        assertNull(Bip322.check(
                segwitScript(address), utf8(MESSAGE), o.get("signature").asText()));
    }

    @Test
    void aKeyOrAddressKindThatCannotSignABitcoinMessageIsRefusedBeforeAnyServerIsAsked() throws Exception {
        String keyId = cli.keygen(CurveName.SECP256K1);
        CliHarness.Result evm =
                cli.run("sign", "btc-message", "--key-id", keyId, "--chain", "evm", "--text", MESSAGE, "--json");
        assertEquals(2, evm.exitCode(), evm.err());
        assertTrue(evm.err().contains("signed for a Bitcoin address"), evm.err());
        CliHarness.Result taproot = cli.run(
                "sign", "btc-message", "--key-id", keyId, "--chain", "bitcoin-p2tr", "--text", MESSAGE, "--json");
        assertEquals(2, taproot.exitCode(), taproot.err());
        assertTrue(taproot.err().contains("SECP256K1_SCHNORR"), taproot.err());
        assertEquals(0, cli.history(keyId).size());
    }
}
