package io.keyshard.payload.evm;

import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The token calls a wallet shows in words instead of as call data: ERC-20 {@code transfer},
 * {@code transferFrom}, {@code approve}, {@code increaseAllowance}, ERC-721 {@code safeTransferFrom} (without
 * data) and ERC-721/1155 {@code setApprovalForAll}. A token transfer's real recipient and amount are in the call data, not in
 * the transaction's {@code to} (the token contract) or value (0), so without this the review would hide
 * them. Decoded strictly (the ABI's exact length, addresses and booleans in canonical words): data that
 * only looks like one of these calls is left undecoded.
 *
 * @param from the owner {@code transferFrom} or {@code safeTransferFrom} moves from (EIP-55), else null
 * @param party the recipient, spender or operator (EIP-55)
 * @param amount the raw amount in the token's smallest units (ERC-721: the token id), or null for
 *     {@code setApprovalForAll}
 * @param approved {@code setApprovalForAll}'s flag; true for the other functions
 */
public record TokenCall(Function function, String from, String party, BigInteger amount, boolean approved) {
    /** The largest uint256: an approval of it is unlimited. */
    public static final BigInteger UNLIMITED = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    /** The decoded functions, each with its 4-byte selector and ABI arguments. */
    public enum Function {
        TRANSFER("transfer(address,uint256)", "a9059cbb", 2),
        TRANSFER_FROM("transferFrom(address,address,uint256)", "23b872dd", 3),
        SAFE_TRANSFER_FROM("safeTransferFrom(address,address,uint256)", "42842e0e", 3),
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
    }

    /** The call in {@code data}, when it is exactly one of the functions above. */
    public static Optional<TokenCall> decode(byte[] data) {
        if (data == null || data.length < 4) {
            return Optional.empty();
        }
        for (Function f : Function.values()) {
            if (Arrays.equals(data, 0, 4, f.selector, 0, 4)) {
                return data.length == 4 + 32 * f.words ? of(f, data) : Optional.empty();
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
            case TRANSFER, TRANSFER_FROM, SAFE_TRANSFER_FROM -> false;
        };
    }

    private static Optional<TokenCall> of(Function f, byte[] data) {
        String first = address(data, 0);
        if (first == null) {
            return Optional.empty();
        }
        return switch (f) {
            case TRANSFER, APPROVE, INCREASE_ALLOWANCE ->
                Optional.of(new TokenCall(f, null, first, uint(data, 1), true));
            case TRANSFER_FROM, SAFE_TRANSFER_FROM -> {
                String to = address(data, 1);
                yield to == null ? Optional.empty() : Optional.of(new TokenCall(f, first, to, uint(data, 2), true));
            }
            case SET_APPROVAL_FOR_ALL -> {
                BigInteger flag = uint(data, 1);
                yield flag.compareTo(BigInteger.ONE) > 0
                        ? Optional.empty()
                        : Optional.of(new TokenCall(f, null, first, null, flag.signum() == 1));
            }
        };
    }

    private static byte[] word(byte[] data, int i) {
        return Arrays.copyOfRange(data, 4 + 32 * i, 4 + 32 * (i + 1));
    }

    /** An ABI address: 20 bytes right-aligned, the 12 above them zero; null when they are not. */
    private static String address(byte[] data, int i) {
        byte[] w = word(data, i);
        for (int k = 0; k < 12; k++) {
            if (w[k] != 0) {
                return null;
            }
        }
        return AccountAddresses.eip55(Hex.encode(Arrays.copyOfRange(w, 12, 32)));
    }

    private static BigInteger uint(byte[] data, int i) {
        return new BigInteger(1, word(data, i));
    }
}
