package io.keyshard.payload.evm;

import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * What a user checks before signing a transaction: its type (2 for EIP-1559, 4 for EIP-7702, 1 for EIP-2930, 0 for
 * legacy), chain, recipient,
 * amount in the chain's native coin (18 decimals; ETH on Ethereum, as exact decimal text and in wei for the
 * checks on it), fees in gwei (the fee caps of type 2, else null; the gas price of types 0 and 1, else null), gas,
 * the most it can cost, the call data's size and 4-byte function selector (null without one), and the token
 * call it makes when it is one a wallet shows in words (else null), the Permit2 allowance it grants (else
 * null), the wrapping or unwrapping of the chain's coin it makes (else null), the Uniswap Universal Router
 * steps it runs (else null), the Lido, Aave v3 or 1inch router call it is (else null), the Safe
 * transaction an {@code execTransaction} call to a Safe runs (else null), the Safe transaction hash an owner's
 * {@code approveHash} approves (else null), and an EIP-7702 transaction's authorizations (else empty). Amounts are
 * exact decimals.
 */
public record TransactionReview(
        int type,
        BigInteger chainId,
        BigInteger nonce,
        String to,
        String value,
        BigInteger valueWei,
        String maxFeePerGasGwei,
        String maxPriorityFeePerGasGwei,
        String gasPriceGwei,
        BigInteger gas,
        String maxCost,
        int dataSize,
        String selector,
        int accessListEntries,
        TokenCall tokenCall,
        Permit2Approval permit2Approval,
        WrappedCoin wrappedCoin,
        UniversalRouterCall routerCall,
        LidoCall lidoCall,
        AaveCall aaveCall,
        OneInchCall oneInchCall,
        SafeTransaction safeExecution,
        String safeApprovedHash,
        List<SignedAuthorization> authorizations) {
    /** A Safe's {@code approveHash(bytes32)}: an owner's on-chain approval of a Safe transaction hash. */
    public static final String APPROVE_HASH = "approveHash(bytes32)";

    private static final String APPROVE_HASH_SELECTOR = SafeSettingsCall.selector(APPROVE_HASH);

    /** True for a legacy transaction (type 0, EIP-155), false for EIP-2930 and EIP-1559. */
    public boolean legacy() {
        return type == LegacyTransaction.TYPE;
    }

    /**
     * The transaction's type as a review heads it: {@code legacy, EIP-155}, {@code EIP-2930}, {@code EIP-1559} or
     * {@code EIP-7702, set code}.
     */
    public String typeName() {
        return switch (type) {
            case LegacyTransaction.TYPE -> "legacy, EIP-155";
            case Eip2930Transaction.TYPE -> "EIP-2930";
            case SetCodeTransaction.TYPE -> "EIP-7702, set code";
            default -> "EIP-1559";
        };
    }

    /** Shown as {@code to} when the transaction creates a contract. */
    public static final String CONTRACT_CREATION = "(contract creation)";

    static TransactionReview of(EvmTransaction tx) {
        byte[] to = tx.to();
        byte[] data = tx.data();
        String recipient = to == null ? CONTRACT_CREATION : AccountAddresses.eip55(Hex.encode(to));
        String selector =
                data.length >= 4 && to != null ? Bytes.hex(new byte[] {data[0], data[1], data[2], data[3]}) : null;
        SetCodeTransaction setCode = tx instanceof SetCodeTransaction c ? c : null;
        Eip1559Transaction typed = tx instanceof Eip1559Transaction t ? t : setCode != null ? setCode.base() : null;
        Eip2930Transaction accessListed = tx instanceof Eip2930Transaction t ? t : null;
        LegacyTransaction legacy = tx instanceof LegacyTransaction l ? l : null;
        BigInteger gasPrice =
                legacy != null ? legacy.gasPrice() : accessListed != null ? accessListed.gasPrice() : null;
        int accessListEntries = typed != null
                ? typed.accessList().size()
                : accessListed != null ? accessListed.accessList().size() : 0;
        // the most a gas unit can cost: the fee cap of type 2 (the base fee and tip may be less), else the price
        BigInteger perGas = typed != null ? typed.maxFeePerGas() : gasPrice;
        BigInteger maxCost = tx.gas().multiply(perGas).add(tx.value());
        return new TransactionReview(
                setCode != null
                        ? SetCodeTransaction.TYPE
                        : typed != null
                                ? Eip1559Transaction.TYPE
                                : accessListed != null ? Eip2930Transaction.TYPE : LegacyTransaction.TYPE,
                tx.chainId(),
                tx.nonce(),
                recipient,
                EvmUnits.ether(tx.value()),
                tx.value(),
                typed == null ? null : EvmUnits.gwei(typed.maxFeePerGas()),
                typed == null ? null : EvmUnits.gwei(typed.maxPriorityFeePerGas()),
                gasPrice == null ? null : EvmUnits.gwei(gasPrice),
                tx.gas(),
                EvmUnits.ether(maxCost),
                data.length,
                selector,
                accessListEntries,
                to == null ? null : TokenCall.decode(data).orElse(null),
                Permit2Approval.decode(recipient, data).orElse(null),
                WrappedCoin.decode(tx.chainId(), recipient, data).orElse(null),
                UniversalRouterCall.decode(tx.chainId(), recipient, data).orElse(null),
                LidoCall.decode(tx.chainId(), recipient, data).orElse(null),
                AaveCall.decode(tx.chainId(), recipient, data).orElse(null),
                OneInchCall.decode(tx.chainId(), recipient, data).orElse(null),
                to == null ? null : SafeTransaction.execution(recipient, data).orElse(null),
                to == null ? null : approvedHash(data),
                setCode == null ? List.of() : setCode.authorizations());
    }

    /** The hash an {@code approveHash} call approves ({@code 0x} hex), or null for any other data. */
    private static String approvedHash(byte[] data) {
        boolean approve = data.length == 36
                && Hex.encode(new byte[] {data[0], data[1], data[2], data[3]}).equals(APPROVE_HASH_SELECTOR);
        return approve ? "0x" + Hex.encode(Arrays.copyOfRange(data, 4, 36)) : null;
    }
}
