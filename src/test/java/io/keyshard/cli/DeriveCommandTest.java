package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.address.TestVectors;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code keyshard derive} from --xpub and --public-key, checked against BIP-84/86 and BIP-32 vectors. */
class DeriveCommandTest {
    private static final JsonNode BIP86 = TestVectors.load("bip86_taproot.json");
    private static final JsonNode BIP84 =
            TestVectors.load("bip44_49_84_slip132_addresses.json").get("bip84");
    private static final JsonNode BIP32 = TestVectors.load("bip32.json");
    /** BIP-32 test vector 1 master key m: public key and chain code. */
    private static final JsonNode MASTER =
            BIP32.get("test_vectors").get(0).get("chains").get(0).get("decoded_xpub");

    private static JsonNode json(CliHarness.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> fields(JsonNode o) {
        return StreamSupport.stream(((Iterable<String>) o::fieldNames).spliterator(), false)
                .toList();
    }

    @Test
    void taprootFromTheBip86AccountXpub() throws Exception {
        JsonNode a = BIP86.get("addresses").get(0);
        JsonNode o = json(CliHarness.run(
                "derive",
                "--xpub",
                BIP86.get("account").get("xpub").asText(),
                "--chain",
                "bitcoin-p2tr",
                "--path",
                "m/0/0",
                "--json"));
        assertEquals(
                List.of(
                        "chain",
                        "curve",
                        "network",
                        "derivationPath",
                        "publicKey",
                        "address",
                        "xpub",
                        "internalKey",
                        "outputKey"),
                fields(o));
        assertEquals("bitcoin-p2tr", o.get("chain").asText());
        assertEquals("SECP256K1_SCHNORR", o.get("curve").asText());
        assertEquals("mainnet", o.get("network").asText());
        assertEquals(a.get("internal_key").asText(), o.get("publicKey").asText());
        assertEquals(a.get("internal_key").asText(), o.get("internalKey").asText());
        assertEquals(a.get("output_key").asText(), o.get("outputKey").asText());
        assertEquals(a.get("address").asText(), o.get("address").asText());
        assertEquals(a.get("xpub").asText(), o.get("xpub").asText());
    }

    @Test
    void p2wpkhFromTheBip84AccountZpubKeepsTheZpubForm() throws Exception {
        JsonNode a = BIP84.get("addresses").get(1);
        JsonNode o = json(CliHarness.run(
                "derive",
                "--xpub",
                BIP84.get("account").get("xpub_zpub").asText(),
                "--chain",
                "bitcoin-p2wpkh",
                "--path",
                "m/0/1",
                "--json"));
        assertEquals(a.get("address").asText(), o.get("address").asText());
        assertEquals(a.get("pubkey").asText(), o.get("publicKey").asText());
        assertEquals(
                a.get("public_derivation_from_account_zpub")
                        .get("child_zpub_computed")
                        .asText(),
                o.get("xpub").asText());
    }

    @Test
    void fromPublicKeyAndChainCodeWithTheChainsDefaultPath() throws Exception {
        // BIP-32 vector 1 master; m/44/60/0/0/0 is all public steps, so it must equal the xpub route.
        String[] raw = {
            "derive",
            "--curve",
            "SECP256k1",
            "--public-key",
            MASTER.get("key").asText(),
            "--chain-code",
            MASTER.get("chain_code").asText(),
            "--chain",
            "evm",
            "--json"
        };
        JsonNode o = json(CliHarness.run(raw));
        assertEquals(List.of("chain", "curve", "network", "derivationPath", "publicKey", "address", "xpub"), fields(o));
        assertEquals("m/44/60/0/0/0", o.get("derivationPath").asText());
        assertTrue(
                o.get("address").asText().matches("0x[0-9a-fA-F]{40}"),
                o.get("address").asText());
        JsonNode viaXpub = json(CliHarness.run(
                "derive",
                "--xpub",
                BIP32.get("test_vectors")
                        .get(0)
                        .get("chains")
                        .get(0)
                        .get("xpub")
                        .asText(),
                "--chain",
                "evm",
                "--json"));
        assertEquals(viaXpub.get("address").asText(), o.get("address").asText());
        assertEquals(viaXpub.get("xpub").asText(), o.get("xpub").asText());
    }

    @Test
    void withoutChainOnlyThePublicKeyIsDerived() throws Exception {
        JsonNode pair = BIP32.get("official_ckdpub_pairs_flat").get(0);
        JsonNode o = json(CliHarness.run(
                "derive",
                "--xpub",
                pair.get("parent_xpub").asText(),
                "--path",
                "m/" + pair.get("index").asText(),
                "--json"));
        assertTrue(o.get("chain").isNull());
        assertTrue(o.get("address").isNull());
        assertEquals(pair.get("child_pubkey").asText(), o.get("publicKey").asText());
        assertEquals(pair.get("child_xpub").asText(), o.get("xpub").asText());
        JsonNode itself =
                json(CliHarness.run("derive", "--xpub", pair.get("parent_xpub").asText(), "--json"));
        assertEquals("m", itself.get("derivationPath").asText());
    }

    @Test
    void p256KeyGivesADidKeyAndNoXpub() throws Exception {
        JsonNode o = json(CliHarness.run(
                "derive",
                "--curve",
                "P256",
                "--public-key",
                "0360fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
                "--chain-code",
                MASTER.get("chain_code").asText(),
                "--chain",
                "did-key",
                "--index",
                "3",
                "--json"));
        assertEquals("m/0/3", o.get("derivationPath").asText());
        assertTrue(
                o.get("address").asText().startsWith("did:key:zDn"),
                o.get("address").asText());
        assertTrue(!o.has("xpub"));
    }

    @Test
    void edwardsKeysDeriveAndGiveTheirChainsAddresses() throws Exception {
        JsonNode rfc = TestVectors.load("rfc8032_eddsa.json").get("vectors");
        String ed25519 = rfc.get(0).get("public_key").asText();
        String cc = MASTER.get("chain_code").asText();
        JsonNode sol = json(CliHarness.run(
                "derive",
                "--curve",
                "ED25519",
                "--public-key",
                ed25519,
                "--chain-code",
                cc,
                "--chain",
                "solana",
                "--account",
                "1",
                "--index",
                "2",
                "--json"));
        assertEquals(List.of("chain", "curve", "network", "derivationPath", "publicKey", "address"), fields(sol));
        assertEquals("m/44/501/1/2", sol.get("derivationPath").asText());
        assertEquals(64, sol.get("publicKey").asText().length());
        JsonNode same = json(CliHarness.run(
                "derive",
                "--curve",
                "ED25519",
                "--public-key",
                ed25519,
                "--chain-code",
                cc,
                "--path",
                "m/44/501/1/2",
                "--json"));
        assertEquals(sol.get("publicKey").asText(), same.get("publicKey").asText());
        assertTrue(same.get("address").isNull());

        String ed448 = null;
        for (JsonNode v : rfc) {
            if (v.get("algorithm").asText().equals("Ed448")) {
                ed448 = v.get("public_key").asText();
                break;
            }
        }
        JsonNode did = json(CliHarness.run(
                "derive",
                "--curve",
                "ED448",
                "--public-key",
                ed448,
                "--chain-code",
                cc,
                "--chain",
                "did-key",
                "--index",
                "4",
                "--json"));
        assertEquals(114, did.get("publicKey").asText().length());
        assertTrue(
                did.get("address").asText().startsWith("did:key:z"),
                did.get("address").asText());
        assertBadInput(
                "chains for ED448: did-key",
                "derive",
                "--curve",
                "ED448",
                "--public-key",
                ed448,
                "--chain-code",
                cc,
                "--chain",
                "stellar");
    }

    private static void assertBadInput(String fragment, String... args) {
        CliHarness.Result r = CliHarness.run(args);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void badInputExitsTwoNamingTheBadPart() {
        String key = MASTER.get("key").asText();
        String cc = MASTER.get("chain_code").asText();
        assertBadInput("say which key to start from", "derive", "--chain", "evm");
        assertBadInput(
                "give only one of --key-id, --xpub",
                "derive",
                "--xpub",
                BIP86.get("account").get("xpub").asText(),
                "--curve",
                "P256");
        assertBadInput("missing --chain-code", "derive", "--curve", "SECP256k1", "--public-key", key);
        assertBadInput(
                "--public-key must be", "derive", "--curve", "SECP256k1", "--public-key", "xyz", "--chain-code", cc);
        assertBadInput(
                "--public-key is empty: give the starting public key",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                "",
                "--chain-code",
                cc);
        assertBadInput(
                "--chain-code is empty: give the starting chain code: 32 bytes, 64 hex digits",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                key,
                "--chain-code",
                "");
        assertBadInput(
                "--index 2147483648 must be 0 to 2147483647 (non-hardened)",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                key,
                "--chain-code",
                cc,
                "--chain",
                "evm",
                "--index",
                "2147483648");
        assertBadInput(
                "--account 2147483648 must be 0 to 2147483647 (non-hardened)",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                key,
                "--chain-code",
                cc,
                "--chain",
                "evm",
                "--account",
                "2147483648");
        assertBadInput(
                "chain code must be 32 bytes",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                key,
                "--chain-code",
                "00");
        assertBadInput("unknown curve", "derive", "--curve", "P999", "--public-key", key, "--chain-code", cc);
        assertBadInput(
                "is hardened",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                key,
                "--chain-code",
                cc,
                "--path",
                "m/44'/0");
        assertBadInput(
                "either --path or --account/--index",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                key,
                "--chain-code",
                cc,
                "--chain",
                "evm",
                "--path",
                "m/0",
                "--index",
                "1");
        assertBadInput(
                "need --chain",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                key,
                "--chain-code",
                cc,
                "--index",
                "1");
        assertBadInput(
                "chains for P256: did-key",
                "derive",
                "--curve",
                "P256",
                "--public-key",
                "0360fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
                "--chain-code",
                cc,
                "--chain",
                "evm");
        assertBadInput(
                "x is not the x-coordinate",
                "derive",
                "--curve",
                "SECP256k1",
                "--public-key",
                "020000000000000000000000000000000000000000000000000000000000000007",
                "--chain-code",
                cc);
        assertBadInput(
                "invalid checksum",
                "derive",
                "--xpub",
                BIP86.get("account").get("xpub").asText().replace('Q', 'R'),
                "--chain",
                "bitcoin-p2tr");
        assertBadInput(
                "does not match the tpub",
                "derive",
                "--xpub",
                "tpubDFtM39TpXkqSKDDjtTnrnrUUbSrNPGNox87dT8Dagrv7xQ2CRAwUDh4S7z3YuoRmDPhzZqfmghiz2y9oMYP2nUZPd7r2aXfcKV757uUYGP1",
                "--network",
                "mainnet");
    }
}
