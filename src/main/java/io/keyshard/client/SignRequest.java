package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.dkls.Group;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.TaprootTweak;
import java.util.List;
import java.util.UUID;

/**
 * What {@link Workspace#sign} signs: the key, the path from its root (non-hardened), an optional taproot
 * tweak (SECP256K1_SCHNORR; {@code chain} {@code bitcoin-p2tr} implies the BIP-86 one), the message (for
 * a digest, the digest), the servers to sign with (null: the first t healthy ones in the key's order),
 * and the chain and network whose address the result names (chain null: no address). {@code digest}
 * says the message is already a digest: ECDSA signs it as given (reduced by {@code bits2int}) instead of
 * hashing it with the curve's hash; BIP-340 signs it as given either way.
 */
public record SignRequest(
        UUID keyId,
        DerivationPath path,
        TaprootTweak taproot,
        byte[] message,
        List<String> servers,
        Chain chain,
        Network network,
        boolean digest) {
    public SignRequest {
        if (keyId == null || path == null || message == null) {
            throw new IllegalArgumentException("a signing needs a key, a path and a message");
        }
        checkMessageLength(message.length);
        message = message.clone();
        servers = servers == null ? null : List.copyOf(servers);
        network = network == null ? Network.MAINNET : network;
        if (taproot == null && chain == Chain.BITCOIN_P2TR) {
            taproot = TaprootTweak.KEY_PATH;
        }
    }

    /** A request to sign the message itself (hashed with the curve's hash where the scheme hashes). */
    public SignRequest(
            UUID keyId,
            DerivationPath path,
            TaprootTweak taproot,
            byte[] message,
            List<String> servers,
            Chain chain,
            Network network) {
        this(keyId, path, taproot, message, servers, chain, network, false);
    }

    /**
     * The length of a digest a key of {@code curve} signs: the curve's ECDSA hash (SHA-256 for SECP256k1 and
     * P256, SHA-384 for P384, SHA-512 for P521), and 32 bytes for BIP-340.
     */
    public static int digestLength(CurveName curve) {
        return StandardVerifier.frost(curve) ? 32 : Group.of(curve).digestLength();
    }

    /** Refuses a message longer than the nodes sign (64 KiB), saying how long it is: the one copy of that rule. */
    public static void checkMessageLength(long length) {
        if (length > SignRound1Request.MAX_MESSAGE) {
            throw new IllegalArgumentException("the message is " + length + " bytes; at most "
                    + SignRound1Request.MAX_MESSAGE + " bytes (64 KiB) are signed");
        }
    }

    /**
     * Refuses a digest a key of {@code curve} cannot sign, for every face: any digest for a curve the Digest kind
     * does not sign with (the EdDSA ones, which hash the message themselves), and one of another length than
     * {@link #digestLength}.
     */
    public static void checkDigest(CurveName curve, int length) {
        if (!PayloadKind.DIGEST.signsWith(curve)) {
            throw new IllegalArgumentException(curve.apiName() + " keys sign the message itself (EdDSA has no "
                    + "digest to sign): sign the message instead ('keyshard sign message')");
        }
        int wanted = digestLength(curve);
        if (length != wanted) {
            throw new IllegalArgumentException("a " + curve.apiName() + " digest is " + wanted + " bytes ("
                    + (2 * wanted) + " hex digits, the length of the curve's hash); this one has " + length);
        }
    }

    @Override
    public byte[] message() {
        return message.clone();
    }
}
