package io.keyshard.payload.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.address.Xpub;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** BIP-380 checksums on the BIP's own vectors and Bitcoin Core's example; exported descriptors describe the key's addresses. */
class DescriptorsTest {
    private static final Pattern SHAPE = Pattern.compile(
            "(pkh|wpkh|tr)\\(\\[([0-9a-f]{8})/(\\d+)/(\\d+)/(\\d+)\\]([1-9A-HJ-NP-Za-km-z]+)/<0;1>/\\*\\)#([a-z0-9]{8})");

    @Test
    void bip380ChecksumVectors() {
        assertEquals("89f8spxm", Descriptors.checksum("raw(deadbeef)"));
        assertEquals("raw(deadbeef)", Descriptors.verify("raw(deadbeef)#89f8spxm"));
        for (String bad : new String[] {
            "raw(deadbeef)",
            "raw(deadbeef)#",
            "raw(deadbeef)#89f8spxmx",
            "raw(deadbeef)#89f8spx",
            "raw(deedbeef)#89f8spxm",
            "raw(deedbeef)##9f8spxm",
            "raw(Ü)#00000000"
        }) {
            assertThrows(IllegalArgumentException.class, () -> Descriptors.verify(bad), bad);
        }
    }

    @Test
    void bitcoinCoreWalletExample() {
        assertEquals(
                "cjjspncu",
                Descriptors.checksum(
                        "wpkh([d34db33f/84h/0h/0h]xpub6DJ2dNUysrn5Vt36jH2KLBT2i1auw1tTSSomg8PhqNiUtx8QX2SvC9nrHu81fT41fvDUnhMjEzQgXnQjKEu3oaqMSzhSrHMxyyoEAmUHQbY/0/*)"));
    }

    @Test
    void exportedDescriptorsDeriveTheChainAddresses() {
        Object[][] cases = {
            {Chain.BITCOIN_P2PKH, CurveName.SECP256K1, "pkh", Network.MAINNET, "2xwc49ap"},
            {Chain.BITCOIN_P2WPKH, CurveName.SECP256K1, "wpkh", Network.MAINNET, "d77aucg9"},
            {Chain.BITCOIN_P2WPKH, CurveName.SECP256K1, "wpkh", Network.TESTNET, "4qvmj523"},
            {Chain.BITCOIN_P2TR, CurveName.SECP256K1_SCHNORR, "tr", Network.MAINNET, "jcncts7z"},
        };
        for (Object[] c : cases) {
            Chain chain = (Chain) c[0];
            CurveName curve = (CurveName) c[1];
            Network net = (Network) c[3];
            ExtendedPublicKey root = new TestWallet(curve, 30).root;
            String d = Descriptors.export(chain, root, 2, net);
            Matcher m = SHAPE.matcher(d);
            assertTrue(m.matches(), d);
            assertEquals(c[2], m.group(1));
            assertEquals(String.format(Locale.ROOT, "%08x", root.fingerprint()), m.group(2));
            assertEquals(
                    chain.defaultPath(2, 0, net).indices().subList(0, 3).toString(),
                    "[" + m.group(3) + ", " + m.group(4) + ", " + m.group(5) + "]");
            assertEquals(net == Network.MAINNET ? "xpub" : "tpub", m.group(6).substring(0, 4));
            Descriptors.verify(d);
            // checksums of these exact strings as computed by the BIP-380 reference code (descsum_create)
            assertEquals(c[4], m.group(7));
            // The account xpub's /1/7 is the chain's change address 7 of account 2.
            ExtendedPublicKey account = Xpub.decode(m.group(6), curve).key();
            ExtendedPublicKey viaDescriptor =
                    PublicDerivation.derive(account, DerivationPath.of(1, 7)).key();
            ExtendedPublicKey viaPath =
                    PublicDerivation.derive(root, changePath(chain, net)).key();
            assertEquals(
                    chain.address(curve, viaPath.point(), net).value(),
                    chain.address(curve, viaDescriptor.point(), net).value());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> Descriptors.export(
                        Chain.BITCOIN_P2TR, new TestWallet(CurveName.SECP256K1, 30).root, 0, Network.MAINNET));
        assertThrows(
                IllegalArgumentException.class,
                () -> Descriptors.export(Chain.EVM, new TestWallet(CurveName.SECP256K1, 30).root, 0, Network.MAINNET));
    }

    private static DerivationPath changePath(Chain chain, Network net) {
        var p = chain.defaultPath(2, 7, net).indices();
        return DerivationPath.of(p.get(0), p.get(1), p.get(2), 1, 7);
    }
}
