package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.bytes.Hex;

/**
 * What a chain's typed data leaves to the chain: how an address value is written and the atomic types the chain
 * adds to Solidity's. Hashing is EIP-712's for every dialect; {@link #EVM} is EIP-712's own, Tron's TIP-712 is
 * {@code payload.tron.Tip712}.
 */
public interface TypedDataDialect {
    /** EIP-712 as {@code eth_signTypedData_v4}: 0x addresses (EIP-55 when mixed case), Solidity's types only. */
    TypedDataDialect EVM = new TypedDataDialect() {
        @Override
        public String encodedAs(String type) {
            return null;
        }

        @Override
        public byte[] address(JsonNode value, String what) {
            return Quantities.address(value, what);
        }

        @Override
        public String show(byte[] address) {
            return AccountAddresses.eip55(Hex.encode(address));
        }
    };

    /** The Solidity type an atomic type this dialect adds is hashed as ({@code trcToken}: uint256), or null. */
    String encodedAs(String type);

    /** The 20 bytes an address value is hashed as; any other form is refused, naming {@code what}. */
    byte[] address(JsonNode value, String what);

    /** An address of 20 bytes as a person reads it on this chain. */
    String show(byte[] address);
}
