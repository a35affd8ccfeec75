package io.keyshard.payload.evm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Safe's off-chain message: EIP-712 {@code SafeMessage(bytes message)} under the Safe's domain. Once enough
 * owners sign it the Safe itself has signed the message (EIP-1271), which a site may take as the Safe's login,
 * permit or order. Safe's apps put the EIP-191 or EIP-712 hash of the original message in {@code message}.
 *
 * @param safe the Safe (the domain's verifying contract, EIP-55)
 * @param message the bytes the owners sign for the Safe: most often a 32-byte hash
 */
public record SafeMessage(String safe, byte[] message) {
    private static final List<String> MEMBERS = List.of("message:bytes");

    public SafeMessage {
        message = message.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /** The Safe message {@code data} signs, when it is one. */
    public static Optional<SafeMessage> of(TypedData data) {
        if (!data.primaryType().equals("SafeMessage")
                || !data.declares("SafeMessage", MEMBERS)
                // the review hashes the whole data, and checks the domain's types: asked only of a SafeMessage
                || data.review().verifyingContract() == null
                || !data.signsContractAddress()) {
            return Optional.empty();
        }
        return Optional.of(new SafeMessage(
                Quantities.eip55(data.domain().get("verifyingContract"), "domain.verifyingContract"),
                Quantities.data(data.message().get("message"), "message")));
    }

    /** Whether the message is a 32-byte hash of the original, which is then not in what is signed. */
    public boolean isHash() {
        return message.length == 32;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafeMessage m && m.safe.equals(safe) && Arrays.equals(m.message, message);
    }

    @Override
    public int hashCode() {
        return 31 * safe.hashCode() + Arrays.hashCode(message);
    }

    @Override
    public String toString() {
        return "SafeMessage[safe=" + safe + ", " + message.length + " bytes]";
    }
}
