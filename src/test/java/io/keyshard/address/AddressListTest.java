package io.keyshard.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Receive and change addresses of an account, and the account xpub a watch-only wallet derives the same ones from. */
class AddressListTest {
    private static KeyPipeline.Start start(CurveName curve) {
        byte[] pub = curve.curve().encodePublicKey(curve.curve().multiplyBase(BigInteger.valueOf(12345)));
        return KeyPipeline.Start.of(curve, pub, Hex.decode("11".repeat(32)));
    }

    @Test
    void receiveAddressesAreThePipelinesAndChangeIsBranchOne() {
        KeyPipeline.Start s = start(CurveName.SECP256K1);
        List<AddressList.Entry> receive = AddressList.list(s, Chain.BITCOIN_P2WPKH, 0, 0, 0, 5, Network.MAINNET);
        assertEquals(5, receive.size());
        for (AddressList.Entry e : receive) {
            DerivationPath p = KeyPipeline.path(Chain.BITCOIN_P2WPKH, null, 0, e.index(), Network.MAINNET);
            assertEquals(
                    KeyPipeline.run(s, Chain.BITCOIN_P2WPKH, p, Network.MAINNET)
                            .address()
                            .value(),
                    e.address());
        }
        List<AddressList.Entry> change = AddressList.list(s, Chain.BITCOIN_P2WPKH, 0, 1, 0, 2, Network.MAINNET);
        assertEquals("m/84/0/0/1/0", change.get(0).path());
        assertNotEquals(receive.get(0).address(), change.get(0).address());
        assertEquals(
                "m/44/60/0/1/3",
                AddressList.list(s, Chain.EVM, 0, 1, 3, 1, Network.MAINNET)
                        .get(0)
                        .path());
    }

    @Test
    void theAccountZpubGivesTheSameAddressesInAWatchOnlyWallet() {
        KeyPipeline.Start s = start(CurveName.SECP256K1);
        String zpub = AddressList.accountXpub(s, Chain.BITCOIN_P2WPKH, 0, Network.MAINNET);
        assertTrue(zpub.startsWith("zpub"), zpub);
        assertTrue(AddressList.accountXpub(s, Chain.BITCOIN_P2WPKH, 0, Network.TESTNET)
                .startsWith("vpub"));
        assertTrue(AddressList.accountXpub(s, Chain.EVM, 0, Network.MAINNET).startsWith("xpub"));
        KeyPipeline.Start watch = KeyPipeline.Start.ofXpub(zpub, Chain.BITCOIN_P2WPKH);
        for (int change = 0; change <= 1; change++) {
            String fromAccount = KeyPipeline.run(
                            watch, Chain.BITCOIN_P2WPKH, DerivationPath.parse("m/" + change + "/4"), Network.MAINNET)
                    .address()
                    .value();
            assertEquals(
                    AddressList.list(s, Chain.BITCOIN_P2WPKH, 0, change, 4, 1, Network.MAINNET)
                            .get(0)
                            .address(),
                    fromAccount);
        }
    }

    @Test
    void chainsWithoutAChangeLevelOrAnXpubSaySo() {
        assertFalse(Chain.SOLANA.hasChangeLevel());
        assertFalse(Chain.DID_KEY.hasChangeLevel());
        assertTrue(Chain.BITCOIN_P2TR.hasChangeLevel());
        assertThrows(DerivationProblem.class, () -> Chain.SOLANA.defaultPath(0, 1, 0, Network.MAINNET));
        assertNull(AddressList.accountXpub(start(CurveName.ED25519), Chain.SOLANA, 0, Network.MAINNET));
        assertNull(AddressList.accountXpub(start(CurveName.SECP256K1), Chain.DID_KEY, 0, Network.MAINNET));
    }
}
