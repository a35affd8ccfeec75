package io.keyshard.payload.evm;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The token calls a wallet shows in words instead of as call data: ERC-20 {@code transfer},
 * {@code transferFrom}, {@code approve}, {@code increaseAllowance}, ERC-721 {@code safeTransferFrom} (with
 * and without data), ERC-1155 {@code safeTransferFrom} and {@code safeBatchTransferFrom}, and ERC-721/1155
 * {@code setApprovalForAll}. A token transfer's real recipient and amount are in the call data, not in the
 * transaction's {@code to} (the token contract) or value (0), so without this the review would hide them.
 * Decoded strictly ({@link AbiArguments}: the ABI's exact layout, addresses and booleans in canonical
 * words): data that only looks like one of these calls is left undecoded.
 *
 * @param from the owner a transfer on someone's behalf moves from (EIP-55), else null
 * @param party the recipient, spender or operator (EIP-55)
 * @param amount the raw amount of an ERC-20 call in the token's smallest units ({@code transferFrom}: or an
 *     ERC-721 id, the two share a selector), else null
 * @param items the tokens an ERC-721 safe transfer or an ERC-1155 transfer moves, each id with its count
 *     (1 for ERC-721), in the call's order; empty for the other functions
 * @param approved {@code setApprovalForAll}'s flag; true for the other functions
 * @param data the bytes a safe transfer passes to the recipient's receive hook (hex, no {@code 0x}), or null
 *     for a function without them
 */
public record TokenCall(
        Function function,
        String from,
        String party,
        BigInteger amount,
        List<Item> items,
        boolean approved,
        String data) {
    /** The largest uint256: an approval of it is unlimited. */
    public static final BigInteger UNLIMITED = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    /** One kind of token a transfer moves: its id, and how many of it (an ERC-721 token is one of a kind). */
    public record Item(BigInteger id, BigInteger count) {}

    /** The decoded functions, each with its 4-byte selector and the number of its ABI head words. */
    public enum Function {
        TRANSFER("transfer(address,uint256)", "a9059cbb", 2),
        TRANSFER_FROM("transferFrom(address,address,uint256)", "23b872dd", 3),
        SAFE_TRANSFER_FROM("safeTransferFrom(address,address,uint256)", "42842e0e", 3),
        SAFE_TRANSFER_FROM_WITH_DATA("safeTransferFrom(address,address,uint256,bytes)", "b88d4fde", 4),
        MULTI_TOKEN_TRANSFER("safeTransferFrom(address,address,uint256,uint256,bytes)", "f242432a", 5),
        MULTI_TOKEN_BATCH_TRANSFER("safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)", "2eb2c2d6", 5),
        APPROVE("approve(address,uint256)", "095ea7b3", 2),
        INCREASE_ALLOWANCE("increaseAllowance(address,uint256)", "39509351", 2),
        SET_APPROVAL_FOR_ALL("setApprovalForAll(address,bool)", "a22cb465", 2);

        private final String signature;
        private final byte[] selector;
        private final int words;

        Function(String signature, String selector, int words) {
            this.signature = signature;
            this.selector = Hex.decode(selector, "selector");
            this.words = words;
        }

        /** The Solidity signature, e.g. {@code transfer(address,uint256)}. */
        public String signature() {
            return signature;
        }

        /** True for the functions that move tokens to {@link TokenCall#party()}. */
        public boolean moves() {
            return switch (this) {
                case TRANSFER,
                        TRANSFER_FROM,
                        SAFE_TRANSFER_FROM,
                        SAFE_TRANSFER_FROM_WITH_DATA,
                        MULTI_TOKEN_TRANSFER,
                        MULTI_TOKEN_BATCH_TRANSFER -> true;
                case APPROVE, INCREASE_ALLOWANCE, SET_APPROVAL_FOR_ALL -> false;
            };
        }
    }

    /** The call in {@code data}, when it is exactly one of the functions above. */
    public static Optional<TokenCall> decode(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        for (Function f : Function.values()) {
            if (Bytes.calls(data, f.selector)) {
                return Optional.ofNullable(AbiArguments.of(data, f.words)).flatMap(args -> of(f, args));
            }
        }
        return Optional.empty();
    }

    /**
     * True when {@code selector} ({@code 0x} and 8 hex digits) is one of the approval functions, whatever
     * its arguments: data that does not decode can still hand over tokens.
     */
    public static boolean isApproval(String selector) {
        return Stream.of(Function.APPROVE, Function.INCREASE_ALLOWANCE, Function.SET_APPROVAL_FOR_ALL)
                .anyMatch(f -> ("0x" + Hex.encode(f.selector)).equalsIgnoreCase(selector));
    }

    /** True when the call lets someone else move the caller's tokens: an approval that is not a revocation. */
    public boolean grantsSpending() {
        return switch (function) {
            case APPROVE, INCREASE_ALLOWANCE -> amount.signum() > 0;
            case SET_APPROVAL_FOR_ALL -> approved;
            default -> false;
        };
    }

    private static Optional<TokenCall> of(Function f, AbiArguments args) {
        String first = args.address(0);
        String second = f.moves() && f != Function.TRANSFER ? args.address(1) : null;
        TokenCall call = first == null
                ? null
                : switch (f) {
                    case TRANSFER, APPROVE, INCREASE_ALLOWANCE -> erc20(f, null, first, args.uint(1));
                    case TRANSFER_FROM -> second == null ? null : erc20(f, first, second, args.uint(2));
                    case SAFE_TRANSFER_FROM ->
                        nft(f, first, second, List.of(new Item(args.uint(2), BigInteger.ONE)), null);
                    case SAFE_TRANSFER_FROM_WITH_DATA ->
                        nft(f, first, second, List.of(new Item(args.uint(2), BigInteger.ONE)), args.bytes(3));
                    case MULTI_TOKEN_TRANSFER ->
                        nft(f, first, second, List.of(new Item(args.uint(2), args.uint(3))), args.bytes(4));
                    case MULTI_TOKEN_BATCH_TRANSFER ->
                        nft(f, first, second, items(args.uints(2), args.uints(3)), args.bytes(4));
                    case SET_APPROVAL_FOR_ALL -> {
                        BigInteger flag = args.uint(1);
                        yield flag.compareTo(BigInteger.ONE) > 0
                                ? null
                                : new TokenCall(f, null, first, null, List.of(), flag.signum() == 1, null);
                    }
                };
        return call != null && args.complete() ? Optional.of(call) : Optional.empty();
    }

    private static TokenCall erc20(Function f, String from, String party, BigInteger amount) {
        return new TokenCall(f, from, party, amount, List.of(), true, null);
    }

    /** A transfer of {@code items}; null when a part did not decode ({@code data} is null for a function without it). */
    private static TokenCall nft(Function f, String from, String to, List<Item> items, byte[] data) {
        boolean hasData = f != Function.SAFE_TRANSFER_FROM;
        if (to == null || items == null || hasData && data == null) {
            return null;
        }
        return new TokenCall(f, from, to, null, items, true, hasData ? Hex.encode(data) : null);
    }

    /** An ERC-1155 batch's ids and counts, paired; null when either did not decode or their lengths differ. */
    private static List<Item> items(List<BigInteger> ids, List<BigInteger> counts) {
        if (ids == null || counts == null || ids.size() != counts.size()) {
            return null;
        }
        List<Item> items = new ArrayList<>(ids.size());
        for (int k = 0; k < ids.size(); k++) {
            items.add(new Item(ids.get(k), counts.get(k)));
        }
        return List.copyOf(items);
    }
}
