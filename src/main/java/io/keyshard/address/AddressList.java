package io.keyshard.address;

import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain's addresses for one account as a wallet lists them: the receive branch ({@code /0/i}),
 * the change branch ({@code /1/i}) where the chain has one, and the account's extended public key
 * for watch-only wallets (secp256k1 family only).
 */
public final class AddressList {
    /** One listed address: its index on the branch, its whole path and the address. */
    public record Entry(int index, String path, String address) {}

    private AddressList() {}

    /** {@code count} addresses from {@code first} on branch {@code change} (0 receive, 1 change) of an account. */
    public static List<Entry> list(
            KeyPipeline.Start start, Chain chain, int account, int change, int first, int count, Network network) {
        chain.requireCurve(start.key().curve());
        List<Entry> out = new ArrayList<>(count);
        for (int i = first; i < first + count && i >= 0; i++) {
            DerivationPath path = chain.defaultPath(account, change, i, network);
            DerivedKey d = PublicDerivation.derive(start.key(), path);
            out.add(new Entry(
                    i,
                    path.toString(),
                    chain.address(start.key().curve(), d.key().point(), network).value()));
        }
        return out;
    }

    /**
     * The account's extended public key ({@code m/purpose/coin/a}) in the form wallets expect for the
     * chain: zpub/vpub for native SegWit, xpub/tpub otherwise; null for curves or chains without one.
     */
    public static String accountXpub(KeyPipeline.Start start, Chain chain, int account, Network network) {
        CurveName curve = start.key().curve();
        DerivationPath path = chain.accountPath(account, network);
        if (path == null || curve != CurveName.SECP256K1 && curve != CurveName.SECP256K1_SCHNORR) {
            return null;
        }
        XpubVersion version = chain == Chain.BITCOIN_P2WPKH
                ? network == Network.TESTNET ? XpubVersion.VPUB : XpubVersion.ZPUB
                : XpubVersion.of(network);
        return Xpub.encode(PublicDerivation.derive(start.key(), path).key(), version);
    }
}
