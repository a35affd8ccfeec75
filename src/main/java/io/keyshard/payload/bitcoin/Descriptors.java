package io.keyshard.payload.bitcoin;

import io.keyshard.address.Chain;
import io.keyshard.address.Xpub;
import io.keyshard.address.XpubVersion;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * BIP-380 output descriptors for watch-only wallets: {@code pkh}, {@code wpkh} and {@code tr} of
 * an account's extended key with its origin and both chains, e.g.
 * {@code wpkh([d34db33f/84/0/0]xpub…/<0;1>/*)#checksum}, and the BIP-380 checksum.
 */
public final class Descriptors {
    private static final String INPUT_CHARSET =
            "0123456789()[],'/*abcdefgh@:$%{}IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~ijklmnopqrstuvwxyzABCDEFGH`#\"\\ ";
    private static final String CHECKSUM_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final long[] GENERATOR = {0xf5dee51989L, 0xa9fdca3312L, 0x1bab10e32dL, 0x3706b1677aL, 0x644d626ffdL};

    private Descriptors() {}

    /**
     * The descriptor of account {@code account} of {@code root} for a Bitcoin chain
     * ({@code bitcoin-p2pkh}, {@code bitcoin-p2wpkh}, {@code bitcoin-p2tr}), receive and change
     * chains together, with its checksum. The path is the chain's default account path,
     * every level non-hardened.
     */
    public static String export(Chain chain, ExtendedPublicKey root, int account, Network network) {
        String function = switch (chain) {
            case BITCOIN_P2PKH -> "pkh";
            case BITCOIN_P2WPKH -> "wpkh";
            case BITCOIN_P2TR -> "tr";
            default ->
                throw new IllegalArgumentException(
                        "output descriptors exist for the Bitcoin chains, not " + chain.id());
        };
        chain.requireCurve(root.curve());
        List<Integer> full = chain.defaultPath(account, 0, network).indices();
        DerivationPath accountPath = DerivationPath.of(full.get(0), full.get(1), full.get(2));
        ExtendedPublicKey accountKey =
                PublicDerivation.derive(root, accountPath).key();
        String origin = String.format(Locale.ROOT, "%08x", root.fingerprint())
                + accountPath.toString().substring(1);
        String body = function + "([" + origin + "]" + Xpub.encode(accountKey, XpubVersion.of(network)) + "/<0;1>/*)";
        return withChecksum(body);
    }

    /** {@code descriptor#checksum}. */
    public static String withChecksum(String descriptor) {
        return descriptor + "#" + checksum(descriptor);
    }

    /** The 8-character BIP-380 checksum of a descriptor without one. */
    public static String checksum(String descriptor) {
        long c = polymod(symbols(descriptor), 8) ^ 1;
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(CHECKSUM_CHARSET.charAt((int) ((c >>> (5 * (7 - i))) & 31)));
        }
        return sb.toString();
    }

    /** Checks {@code descriptor#checksum}; returns the descriptor without it, or says what is wrong. */
    public static String verify(String text) {
        int hash = text.lastIndexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("the descriptor has no checksum (# and 8 characters at the end)");
        }
        String body = text.substring(0, hash);
        String sum = text.substring(hash + 1);
        if (sum.length() != 8) {
            throw new IllegalArgumentException("a descriptor checksum is 8 characters, got " + sum.length());
        }
        String expected = checksum(body);
        if (!expected.equals(sum)) {
            throw new IllegalArgumentException("the descriptor checksum does not match: a character is mistyped");
        }
        return body;
    }

    private static int[] symbols(String s) {
        int[] out = new int[s.length() * 2 + 2];
        int n = 0;
        int groups = 0;
        int clsCount = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = INPUT_CHARSET.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException(
                        "character '" + s.charAt(i) + "' at " + (i + 1) + " cannot appear in a descriptor");
            }
            out[n++] = v & 31;
            groups = groups * 3 + (v >> 5);
            if (++clsCount == 3) {
                out[n++] = groups;
                groups = 0;
                clsCount = 0;
            }
        }
        if (clsCount > 0) {
            out[n++] = groups;
        }
        return Arrays.copyOf(out, n);
    }

    private static long polymod(int[] symbols, int zeros) {
        long c = 1;
        for (int i = 0; i < symbols.length + zeros; i++) {
            int value = i < symbols.length ? symbols[i] : 0;
            long top = c >>> 35;
            c = ((c & 0x7ffffffffL) << 5) ^ value;
            for (int k = 0; k < 5; k++) {
                if (((top >>> k) & 1) != 0) {
                    c ^= GENERATOR[k];
                }
            }
        }
        return c;
    }
}
