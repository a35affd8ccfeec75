package io.keyshard.payload.evm;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A call to Lido's contracts on Ethereum, at the addresses Lido's documentation lists (docs.lido.fi, Deployed
 * contracts): staking ETH for stETH ({@code submit(address)}, or coins sent to stETH with no data), staking and
 * wrapping at once (coins sent to wstETH with no data), wrapping stETH into wstETH and back, and the withdrawal
 * queue's requests (each amount one request, its unstETH NFT minted to the owner, the sender when the owner is the
 * zero address) and claims (the ETH paid to the sender, or to the recipient {@code claimWithdrawalsTo} names). Read
 * only when the call data is exactly the function's.
 *
 * @param amounts the amounts wrapped, unwrapped or requested (stETH or wstETH, 18 decimals); the request ids of a
 *     claim; empty for staking, which stakes the transaction's value
 * @param party the referral of a stake, the owner of requests, the recipient of a claim; null where there is none
 */
public record LidoCall(Kind kind, List<BigInteger> amounts, String party) {
    static final String STETH = "0xae7ab96520de3a18e5e111b5eaab095312d7fe84";
    static final String WSTETH = "0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0";
    static final String WITHDRAWAL_QUEUE = "0x889edc2edab5f40e902b864ad4d7ade8e412f9b1";

    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    /** What the call does, with the function it is. */
    public enum Kind {
        STAKE("submit(address)", STETH, "a1903eab"),
        STAKE_BY_SENDING("(coins sent with no data)", STETH, null),
        STAKE_AND_WRAP("(coins sent with no data)", WSTETH, null),
        WRAP("wrap(uint256)", WSTETH, "ea598cb0"),
        UNWRAP("unwrap(uint256)", WSTETH, "de0e9a3e"),
        REQUEST("requestWithdrawals(uint256[],address)", WITHDRAWAL_QUEUE, "d6681042"),
        REQUEST_WSTETH("requestWithdrawalsWstETH(uint256[],address)", WITHDRAWAL_QUEUE, "19aa6257"),
        CLAIM("claimWithdrawal(uint256)", WITHDRAWAL_QUEUE, "f8444436"),
        CLAIM_ALL("claimWithdrawals(uint256[],uint256[])", WITHDRAWAL_QUEUE, "e3afe0a3"),
        CLAIM_TO("claimWithdrawalsTo(uint256[],uint256[],address)", WITHDRAWAL_QUEUE, "5e7eead9");

        private final String signature;
        private final String contract;
        private final byte[] selector;

        Kind(String signature, String contract, String selector) {
            this.signature = signature;
            this.contract = contract;
            this.selector = selector == null ? null : Hex.decode(selector, "selector");
        }

        /** The contract it is called on, by Lido's name for it. */
        public String contractName() {
            return contract.equals(STETH) ? "stETH" : contract.equals(WSTETH) ? "wstETH" : "withdrawal queue";
        }

        /** The function's Solidity signature, or what a call with no data does. */
        public String signature() {
            return signature;
        }
    }

    /** What {@code data} sent to {@code to} on chain {@code chainId} does, when it is a Lido call read here. */
    public static Optional<LidoCall> decode(BigInteger chainId, String to, byte[] data) {
        if (!BigInteger.ONE.equals(chainId) || to == null) {
            return Optional.empty();
        }
        String contract = to.toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (!kind.contract.equals(contract)) {
                continue;
            }
            if (kind.selector == null ? data.length == 0 : Bytes.calls(data, kind.selector)) {
                return read(kind, data);
            }
        }
        return Optional.empty();
    }

    private static Optional<LidoCall> read(Kind kind, byte[] data) {
        return switch (kind) {
            case STAKE_BY_SENDING, STAKE_AND_WRAP -> Optional.of(new LidoCall(kind, List.of(), null));
            case STAKE ->
                complete(data).map(a -> a.address(0)).map(referral -> new LidoCall(kind, List.of(), referral));
            case WRAP, UNWRAP, CLAIM -> complete(data).map(a -> new LidoCall(kind, List.of(a.uint(0)), null));
            case REQUEST, REQUEST_WSTETH -> {
                AbiArguments a = AbiArguments.of(data, 2);
                List<BigInteger> amounts = a == null ? null : a.uints(0);
                String owner = a == null ? null : a.address(1);
                yield amounts == null || owner == null || !a.complete()
                        ? Optional.empty()
                        : Optional.of(new LidoCall(kind, amounts, owner));
            }
            case CLAIM_ALL, CLAIM_TO -> {
                AbiArguments a = AbiArguments.of(data, kind == Kind.CLAIM_TO ? 3 : 2);
                List<BigInteger> ids = a == null ? null : a.uints(0);
                List<BigInteger> hints = a == null ? null : a.uints(1);
                String recipient = kind == Kind.CLAIM_TO && a != null ? a.address(2) : null;
                yield ids == null || hints == null || !a.complete() || (kind == Kind.CLAIM_TO && recipient == null)
                        ? Optional.empty()
                        : Optional.of(new LidoCall(kind, ids, recipient));
            }
        };
    }

    /** The one static argument of a function that takes one, when it ends the data. */
    private static Optional<AbiArguments> complete(byte[] data) {
        return data.length == 4 + 32 ? Optional.ofNullable(AbiArguments.of(data, 1)) : Optional.empty();
    }

    /** The owner of the requests: the sender when the call names the zero address. */
    public String owner(String sender) {
        return ZERO.equals(party.toLowerCase(Locale.ROOT)) ? sender : party;
    }

    /** True for a referral that names no one (the zero address). */
    public boolean noReferral() {
        return party == null || ZERO.equals(party.toLowerCase(Locale.ROOT));
    }
}
