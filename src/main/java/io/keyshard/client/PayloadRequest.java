package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import java.util.UUID;

/**
 * What to sign with {@link PayloadSigning#prepare}: the key, the kind, the input as given (see each
 * {@link PayloadKind}), and which derived key signs. {@code chain} null takes the kind's chain
 * ({@code evm} for the Ethereum kinds, {@code solana} for Solana; none for a message or digest);
 * {@code path} null takes that chain's default path at account 0, index 0 (a message or digest
 * without a chain: the root, {@code m}). A PSBT names its own paths: chain and path are ignored.
 * {@code finalizePsbt} also finalizes the signed PSBT and extracts the transaction.
 */
public record PayloadRequest(
        UUID keyId,
        PayloadKind kind,
        byte[] input,
        Chain chain,
        DerivationPath path,
        Network network,
        boolean finalizePsbt) {
    public PayloadRequest {
        if (keyId == null || kind == null || input == null) {
            throw new IllegalArgumentException("a payload to sign needs a key, a kind and the input");
        }
        input = input.clone();
        network = network == null ? Network.MAINNET : network;
    }

    /** The kind's default chain and path on mainnet, no finalization. */
    public static PayloadRequest of(UUID keyId, PayloadKind kind, byte[] input) {
        return new PayloadRequest(keyId, kind, input, null, null, null, false);
    }

    @Override
    public byte[] input() {
        return input.clone();
    }
}
