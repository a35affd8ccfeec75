package io.keyshard.payload.evm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The EIP-7702 delegate contracts ethereum.org's Pectra guidelines for wallets list as known, audited
 * implementations, each at the same address on every chain. Those guidelines ask hardware wallets to delegate only to
 * such a list and to treat any other contract case by case: an authorization hands the whole account to its
 * delegate, and drainers ask for one to a contract of their own.
 *
 * @param address the contract, lower case
 * @param name    who publishes it and what it is
 */
public record KnownDelegate(String address, String name) {
    private static final List<KnownDelegate> KNOWN = List.of(
            new KnownDelegate("0x000000009b1d0af20d8c6d0a44e162d11f9b8f00", "Uniswap's Calibur"),
            new KnownDelegate("0x69007702764179f14f51cdce752f4f775d74e139", "Alchemy's Modular Account"),
            new KnownDelegate("0x5a7fc11397e9a8ad41bf10bf13f22b0a63f96f6d", "Ambire's AmbireAccount7702"),
            new KnownDelegate("0x63c0c19a282a1b52b07dd5a65b58948a07dae32b", "MetaMask's EIP7702StatelessDeleGator"),
            new KnownDelegate(
                    "0x4cd241e8d1510e30b2076397afc7508ae59c66c9",
                    "the Ethereum Foundation account abstraction team's Simple7702Account"));

    /** The listed delegate at {@code address} (any letter case), if it is one. */
    public static Optional<KnownDelegate> of(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(d -> d.address.equals(wanted)).findFirst();
    }

    /** The names of every listed delegate, for a warning that says what would be known. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < KNOWN.size(); i++) {
            b.append(i == 0 ? "" : i == KNOWN.size() - 1 ? " and " : ", ").append(KNOWN.get(i).name);
        }
        return b.toString();
    }
}
