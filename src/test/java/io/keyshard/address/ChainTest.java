package io.keyshard.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Default paths of docs/derivation.md (Chains) and the refusal of a curve a chain does not take. */
class ChainTest {

    @ParameterizedTest
    @CsvSource({
        "evm,            3, 7, mainnet, m/44/60/3/0/7",
        "evm,            3, 7, testnet, m/44/60/3/0/7",
        "bitcoin-p2pkh,  0, 1, mainnet, m/44/0/0/0/1",
        "bitcoin-p2pkh,  0, 1, testnet, m/44/1/0/0/1",
        "bitcoin-p2wpkh, 2, 0, mainnet, m/84/0/2/0/0",
        "bitcoin-p2wpkh, 2, 0, testnet, m/84/1/2/0/0",
        "bitcoin-p2tr,   0, 5, mainnet, m/86/0/0/0/5",
        "bitcoin-p2tr,   0, 5, testnet, m/86/1/0/0/5",
        "tron,           1, 2, mainnet, m/44/195/1/0/2",
        "cosmos,         0, 0, testnet, m/44/118/0/0/0",
        "solana,         4, 9, mainnet, m/44/501/4/9",
        "stellar,        4, 9, testnet, m/44/148/4/9",
        "sui,            0, 3, mainnet, m/44/784/0/0/3",
        "aptos,          0, 3, mainnet, m/44/637/0/0/3",
        "did-key,        0, 6, mainnet, m/0/6",
    })
    void defaultPaths(String chain, int account, int index, String network, String path) {
        assertEquals(
                path,
                Chain.parse(chain)
                        .defaultPath(account, index, Network.parse(network))
                        .toString());
    }

    @Test
    void didKeyHasNoAccountLevel() {
        DerivationProblem e =
                assertThrows(DerivationProblem.class, () -> Chain.DID_KEY.defaultPath(1, 0, Network.MAINNET));
        assertEquals(DerivationProblem.Kind.NO_ACCOUNT_LEVEL, e.kind());
        assertTrue(e.getMessage().contains("no account level"), e.getMessage());
        assertFalse(e.getMessage().contains("--"), "domain code names no command-line flag: " + e.getMessage());
    }

    @Test
    void negativeAccountOrIndexIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Chain.EVM.defaultPath(-1, 0, Network.MAINNET));
        assertThrows(IllegalArgumentException.class, () -> Chain.EVM.defaultPath(0, -5, Network.MAINNET));
    }

    @Test
    void aCurveTheChainDoesNotTakeIsRefusedWithTheChainsThatDo() {
        Point p256 = CurveName.P256.curve().generator();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Chain.EVM.address(CurveName.P256, p256, Network.MAINNET));
        assertTrue(e.getMessage().contains("chain evm does not take P256"), e.getMessage());
        assertTrue(e.getMessage().endsWith("chains for P256: did-key"), e.getMessage());

        IllegalArgumentException ed =
                assertThrows(IllegalArgumentException.class, () -> Chain.EVM.requireCurve(CurveName.ED25519));
        assertTrue(ed.getMessage().contains("solana, stellar, sui, aptos, did-key"), ed.getMessage());
    }

    @Test
    void everyCurveHasAtLeastDidKey() {
        for (CurveName c : CurveName.values()) {
            assertTrue(Chain.forCurve(c).contains(Chain.DID_KEY), c.toString());
        }
    }

    @Test
    void unknownChainListsTheChains() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Chain.parse("dogecoin"));
        assertTrue(e.getMessage().contains("evm, bitcoin-p2pkh"), e.getMessage());
    }

    @Test
    void testnetBitcoinAddressesUseTestnetPrefixes() {
        Point g = CurveName.SECP256K1.curve().generator();
        assertTrue(Chain.BITCOIN_P2WPKH
                .address(CurveName.SECP256K1, g, Network.TESTNET)
                .value()
                .startsWith("tb1q"));
        String p2pkh = Chain.BITCOIN_P2PKH
                .address(CurveName.SECP256K1, g, Network.TESTNET)
                .value();
        assertTrue(p2pkh.startsWith("m") || p2pkh.startsWith("n"), p2pkh);
        // Private key 1: mainnet P2PKH 1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH (compressed key).
        assertEquals(
                "1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH",
                Chain.BITCOIN_P2PKH
                        .address(CurveName.SECP256K1, g, Network.MAINNET)
                        .value());
    }
}
