package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.Base58;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.frost.Bip340;
import io.keyshard.payload.bitcoin.Psbt;
import io.keyshard.payload.bitcoin.PsbtFixtures;
import io.keyshard.payload.bitcoin.Sighash;
import io.keyshard.payload.bitcoin.Transaction;
import io.keyshard.payload.solana.SolanaFixtures;
import io.keyshard.payload.solana.SolanaTransaction;
import io.keyshard.sign.Verifiers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard sign solana-tx} and {@code sign psbt} (taproot key path) end to end on the shared local
 * cluster: the review on stderr, signatures that the chain's verifier accepts under the derived key, the
 * signed transaction or PSBT carrying them where the chain looks, and one signing history entry each.
 */
class PayloadSignIT {
    @TempDir
    static Path dir;

    static SignCli cli;

    @BeforeAll
    static void setUp() throws Exception {
        cli = SignCli.create(dir);
    }

    @Test
    void solanaTransactionIsSignedInTheKeysSlot() throws Exception {
        String keyId = cli.keygen(CurveName.ED25519);
        JsonNode derived = cli.derive(keyId, "--chain", "solana", "--index", "2");
        byte[] key = Hex.decode(derived.get("publicKey").asText(), "publicKey");
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 0x11);
        byte[] message = SolanaFixtures.transferMessage(List.of(other, key));
        String unsigned = Base64.getEncoder().encodeToString(SolanaFixtures.unsignedTransaction(message, 2));

        CliHarness.Result r = cli.run(
                "sign",
                "solana-tx",
                "--key-id",
                keyId,
                "--chain",
                "solana",
                "--index",
                "2",
                "--base64",
                unsigned,
                "--json");
        JsonNode o = SignCli.json(r);
        assertEquals(
                List.of(
                        "keyId",
                        "curve",
                        "scheme",
                        "derivationPath",
                        "publicKey",
                        "address",
                        "signers",
                        "payload",
                        "signature",
                        "signedTransaction"),
                names(o));
        assertTrue(r.err().contains("Fee payer") && r.err().contains("1 of 2"), r.err());
        assertTrue(
                r.err().contains("System Program: transfer 0.000001 SOL from " + Base58.encode(other) + " to "),
                "the review says what the transfer moves, from whom and to whom:\n" + r.err());
        assertTrue(r.err().contains("0.00001 SOL (5000 lamports a signature)"), r.err());
        assertEquals(derived.get("address").asText(), o.get("address").asText());
        assertEquals("m/44/501/0/2", o.get("derivationPath").asText());
        assertEquals(Hex.encode(message), o.get("payload").asText());
        byte[] signature = Base58.decode(o.get("signature").asText());
        assertTrue(Verifiers.accepts(CurveName.ED25519, Hex.encode(key), message, Hex.encode(signature)));

        SolanaTransaction signed = SolanaTransaction.parse(
                Base64.getDecoder().decode(o.get("signedTransaction").asText()));
        assertArrayEquals(signature, signed.signatures().get(1));
        assertTrue(signed.isSigned(1));
        assertArrayEquals(new byte[64], signed.signatures().get(0));
        assertArrayEquals(message, signed.message().bytes());

        // a bare message as base58 in a file, the key as fee payer: slot 0, and a transaction id
        byte[] own = SolanaFixtures.transferMessage(List.of(key));
        Path file = dir.resolve("message.b58");
        Files.writeString(file, Base58.encode(own) + "\n");
        List<String> fromFile = List.of(
                "sign", "solana-tx", "--key-id", keyId, "--chain", "solana", "--index", "2", "--file", file.toString());
        CliHarness.Result plain = cli.run(with(fromFile, "--yes"));
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("signedTransaction"), plain.out());
        assertTrue(
                plain.err()
                        .contains("0.000006 SOL in all: 0.000001 SOL by the instructions above and "
                                + "0.000005 SOL network fee"),
                "the review totals the SOL leaving the key, which pays the fee too: " + plain.err());
        CliHarness.Result text = cli.run(with(fromFile, "--json"));
        JsonNode t = SignCli.json(text);
        assertEquals(t.get("signature").asText(), t.get("txHash").asText());
        assertTrue(SolanaTransaction.parse(
                        Base64.getDecoder().decode(t.get("signedTransaction").asText()))
                .isSigned(0));

        JsonNode history = cli.history(keyId);
        assertEquals(3, history.size(), history.toString());
        assertEquals("solana-tx", history.get(0).get("payload").asText());
        assertEquals(Hex.encode(signature), history.get(0).get("signature").asText());
        assertEquals(o.get("address").asText(), history.get(0).get("address").asText());
    }

    @Test
    void taprootPsbtIsSignedFinalizedAndVerifiesUnderTheOutputKey() throws Exception {
        String keyId = cli.keygen(CurveName.SECP256K1_SCHNORR);
        ExtendedPublicKey root = cli.root(keyId);
        Psbt psbt = PsbtFixtures.p2tr(root, "m/86/0/0/0/3", 2);
        Path in = dir.resolve("tr.psbt");
        Path out = dir.resolve("tr-signed.psbt");
        Files.writeString(in, psbt.toBase64() + "\n");

        CliHarness.Result r = cli.run(
                "sign",
                "psbt",
                "--key-id",
                keyId,
                "--file",
                in.toString(),
                "--out",
                out.toString(),
                "--finalize",
                "--json");
        JsonNode o = SignCli.json(r);
        assertTrue(r.err().contains("Input 0") && r.err().contains("this key m/86/0/0/0/3"), r.err());
        assertTrue(r.err().contains("Fee") && r.err().contains("0.00001000 BTC"), r.err());
        assertEquals("BIP-340", o.get("scheme").asText());
        assertEquals("m/86/0/0/0/3", o.get("derivationPath").asText());
        assertEquals(
                cli.derive(keyId, "--chain", "bitcoin-p2tr", "--index", "3")
                        .get("address")
                        .asText(),
                o.get("address").asText());

        Psbt signed = Psbt.fromBase64(o.get("psbt").asText());
        assertEquals(o.get("psbt").asText(), Files.readString(out).strip());
        byte[] outputKey = Hex.decode(o.get("publicKey").asText(), "publicKey");
        byte[] sighash = Sighash.taprootKeyPath(
                psbt.unsignedTransaction(), 0, PsbtFixtures.spentOutputs(psbt), Sighash.DEFAULT, null);
        assertEquals(Hex.encode(sighash), o.get("digest").asText());

        Transaction tx = Transaction.parseHex(o.get("signedTransaction").asText());
        assertEquals(tx.txidHex(), o.get("txHash").asText());
        assertEquals(psbt.unsignedTransaction().txidHex(), tx.txidHex());
        List<byte[]> witness = tx.inputs().get(0).witness();
        assertEquals(1, witness.size());
        assertEquals(64, witness.get(0).length);
        assertEquals(0, tx.inputs().get(0).scriptSig().length);
        assertTrue(Bip340.verify(outputKey, sighash, witness.get(0)));
        assertTrue(signed.input(0).isFinalized());

        // binary version 0 in, binary out, not finalized: the signature waits in PSBT_IN_TAP_KEY_SIG
        Psbt v0 = PsbtFixtures.p2tr(root, "m/86/0/0/1/0", 0);
        Path bin = dir.resolve("tr0.psbt");
        Path binOut = dir.resolve("tr0-signed.psbt");
        Files.write(bin, v0.serialize());
        JsonNode b = SignCli.json(cli.run(
                "sign", "psbt", "--key-id", keyId, "--file", bin.toString(), "--out", binOut.toString(), "--json"));
        Psbt written = Psbt.parse(Files.readAllBytes(binOut));
        byte[] tapSig = written.input(0).tapKeySig();
        assertEquals(64, tapSig.length);
        assertFalse(written.input(0).isFinalized());
        assertFalse(b.has("signedTransaction"));
        byte[] sighash0 = Sighash.taprootKeyPath(
                v0.unsignedTransaction(), 0, PsbtFixtures.spentOutputs(v0), Sighash.DEFAULT, null);
        assertTrue(Bip340.verify(Hex.decode(b.get("publicKey").asText(), "key"), sighash0, tapSig));

        JsonNode history = cli.history(keyId);
        assertEquals(2, history.size(), history.toString());
        assertEquals("psbt", history.get(0).get("payload").asText());
        assertEquals(Hex.encode(sighash), history.get(0).get("digest").asText());
    }

    private static String[] with(List<String> args, String last) {
        List<String> all = new ArrayList<>(args);
        all.add(last);
        return all.toArray(String[]::new);
    }

    private static List<String> names(JsonNode o) {
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        return fields;
    }
}
