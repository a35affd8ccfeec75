package io.keyshard.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BIP-86 (vectors/bip86_taproot.json), BIP-84 and SLIP-132 (vectors/bip44_49_84_slip132_addresses.json):
 * public derivation from the published account keys down to the published addresses.
 */
class BitcoinAddressesTest {
    private static final JsonNode BIP86 = TestVectors.load("bip86_taproot.json");
    private static final JsonNode HD = TestVectors.load("bip44_49_84_slip132_addresses.json");

    static List<JsonNode> bip86() {
        return TestVectors.list(BIP86.get("addresses"));
    }

    static List<JsonNode> bip84() {
        return TestVectors.list(HD.get("bip84").get("addresses"));
    }

    static List<JsonNode> slip132() {
        return TestVectors.list(HD.get("slip132_mainnet").get("accounts"));
    }

    private static DerivationPath lastTwo(JsonNode indices) {
        return DerivationPath.of(indices.get(0).asInt(), indices.get(1).asInt());
    }

    @ParameterizedTest
    @MethodSource("bip86")
    void bip86InternalKeyOutputKeyAndAddressFromTheAccountXpub(JsonNode a) {
        KeyPipeline.Start start =
                KeyPipeline.Start.ofXpub(BIP86.get("account").get("xpub").asText(), Chain.BITCOIN_P2TR);
        JsonNode pd = a.get("public_derivation_from_account_xpub");
        KeyPipeline.Result r = KeyPipeline.run(start, Chain.BITCOIN_P2TR, lastTwo(pd.get("indices")), Network.MAINNET);
        assertEquals(a.get("internal_key").asText(), r.publicKey());
        assertEquals(a.get("internal_key").asText(), r.addressDetails().get("internalKey"));
        assertEquals(a.get("output_key").asText(), r.addressDetails().get("outputKey"));
        assertEquals(a.get("address").asText(), r.address().value());
        assertEquals(a.get("xpub").asText().substring(0, 4), r.xpub().substring(0, 4));
        SegwitAddress.Program p = SegwitAddress.decode("bc", r.address().value());
        assertEquals(a.get("scriptPubKey").asText(), Hex.toHexString(p.scriptPubKey()));
        // The published address-level xpub is the one our derivation gives.
        assertEquals(a.get("xpub").asText(), r.xpub());
    }

    @ParameterizedTest
    @MethodSource("bip84")
    void bip84P2wpkhFromTheAccountZpub(JsonNode a) {
        KeyPipeline.Start start = KeyPipeline.Start.ofXpub(
                HD.get("bip84").get("account").get("xpub_zpub").asText(), Chain.BITCOIN_P2WPKH);
        JsonNode pd = a.get("public_derivation_from_account_zpub");
        KeyPipeline.Result r =
                KeyPipeline.run(start, Chain.BITCOIN_P2WPKH, lastTwo(pd.get("indices")), Network.MAINNET);
        assertEquals(a.get("pubkey").asText(), r.publicKey());
        assertEquals(a.get("address").asText(), r.address().value());
        assertEquals(pd.get("child_zpub_computed").asText(), r.xpub());
        assertEquals(
                a.get("scriptPubKey").asText(),
                Hex.toHexString(SegwitAddress.decode("bc", r.address().value()).scriptPubKey()));
    }

    @ParameterizedTest
    @MethodSource("slip132")
    void slip132AccountKeysGiveTheFirstAddress(JsonNode acct) {
        String key = acct.has("account_xpub")
                ? acct.get("account_xpub").asText()
                : acct.has("account_ypub")
                        ? acct.get("account_ypub").asText()
                        : acct.get("account_zpub").asText();
        ExtendedPublicKey account = Xpub.decode(key, CurveName.SECP256K1).key();
        ExtendedPublicKey child =
                PublicDerivation.derive(account, DerivationPath.parse("m/0/0")).key();
        assertEquals(acct.get("pubkey_computed").asText(), Hex.toHexString(child.publicKey()));
        String type = acct.get("address_type").asText();
        if (type.equals("P2PKH")) {
            assertEquals(
                    acct.get("address").asText(),
                    Chain.BITCOIN_P2PKH
                            .address(CurveName.SECP256K1, child.point(), Network.MAINNET)
                            .value());
        } else if (type.equals("P2WPKH")) {
            assertEquals(
                    acct.get("address").asText(),
                    Chain.BITCOIN_P2WPKH
                            .address(CurveName.SECP256K1, child.point(), Network.MAINNET)
                            .value());
        }
    }

    @Test
    void bip49TestnetUpubDerivesThePublishedKey() {
        JsonNode t = HD.get("bip49_testnet");
        Xpub.Imported upub = Xpub.decode(t.get("account").get("xpub_upub").asText(), CurveName.SECP256K1);
        assertEquals(XpubVersion.UPUB, upub.version());
        assertEquals(Network.TESTNET, upub.version().network());
        ExtendedPublicKey child = PublicDerivation.derive(upub.key(), DerivationPath.parse("m/0/0"))
                .key();
        assertEquals(t.get("first_receiving").get("pubkey").asText(), Hex.toHexString(child.publicKey()));
        assertEquals(
                t.get("first_receiving").get("keyhash").asText(),
                Hex.toHexString(Digests.hash160(child.point().encode())));
    }
}
