package io.keyshard.node;

import io.keyshard.OwnerOnlyFiles;
import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.crypto.Sealer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Seals shares with the node's master key ({@code master.key}, 32 random bytes, 0600) through
 * {@link Sealer}. The associated data binds format version, node id, keyId, curve and the share's
 * whole public context (the binding hash of {@code dkg.ShareContext}: group key, every verification
 * share, threshold, participant ids and identity keys, chain code), so a sealed share moved to
 * another row, node or curve, or left under a changed public result, does not open.
 *
 * <p>Shares sealed before the context was bound (format 1: version, node id, keyId and curve only)
 * still open, as {@link #LEGACY_VERSION}. They are not sealed again on first open: opening stays a
 * read, which works on a full or read-only store and never races a commit or abort of the same row,
 * and a re-seal could not retire format 1 anyway (a key never opened keeps it). Their context is
 * authenticated instead by the node's own Ed25519 signature over the same round-3 result, which the
 * opener checks for every share, whatever its format.
 */
final class ShareSealer implements AutoCloseable {
    static final int FORMAT_VERSION = 2;
    static final int LEGACY_VERSION = 1;
    static final int PAIR_FORMAT_VERSION = 2;
    private final Sealer sealer;
    private final long nodeId;

    /** An opened share: its plaintext (the caller wipes it) and the format it was sealed in. */
    record Opened(byte[] share, int version) {}

    private ShareSealer(Sealer sealer, long nodeId) {
        this.sealer = sealer;
        this.nodeId = nodeId;
    }

    static void createMasterKey(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[Sealer.KEY_LENGTH];
        random.nextBytes(key);
        try {
            OwnerOnlyFiles.create(file, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static ShareSealer open(NodeFiles files, long nodeId) throws IOException {
        byte[] key = files.readRequired(files.masterKey());
        try {
            if (key.length != Sealer.KEY_LENGTH) {
                throw new NodeSetupException("master.key is damaged (wrong length)");
            }
            return new ShareSealer(new Sealer(key), nodeId);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Seals a share bound to its context's binding hash ({@code ShareContext.bindingHash}). */
    byte[] seal(UUID keyId, String curve, byte[] contextHash, byte[] plaintext) {
        return sealer.seal(plaintext, associatedData(keyId, curve, contextHash));
    }

    /**
     * Opens a sealed share; throws if anything about it (bytes, row, node, curve, or for the current
     * format the context) was changed. A format-1 share opens whatever {@code contextHash} is: the
     * caller must authenticate its context another way.
     */
    Opened open(UUID keyId, String curve, byte[] contextHash, byte[] sealed) throws GeneralSecurityException {
        byte[] plain = sealer.open(sealed, associatedData(keyId, curve, contextHash));
        if (plain != null) {
            return new Opened(plain, FORMAT_VERSION);
        }
        plain = sealer.open(sealed, legacyAssociatedData(keyId, curve));
        if (plain != null) {
            return new Opened(plain, LEGACY_VERSION);
        }
        throw new GeneralSecurityException("sealed share was changed, moved or has an unknown format");
    }

    /**
     * Seals the ECDSA pairwise setup this node keeps with one peer on one curve, bound to format, node,
     * curve, this server's and the peer's identity keys (in that order) and the setup id, under its own
     * label: seeds moved to another pair, curve, setup or node, or taken for a share, do not open. No key is
     * bound: every key of the two servers on that curve uses the pair.
     */
    byte[] sealPair(String curve, byte[] self, byte[] peer, UUID setupId, byte[] plaintext) {
        return sealer.seal(plaintext, pairData(curve, self, peer, setupId));
    }

    /** Opens what {@link #sealPair} sealed under the same binding; throws if anything about it changed. */
    byte[] openPair(String curve, byte[] self, byte[] peer, UUID setupId, byte[] sealed)
            throws GeneralSecurityException {
        byte[] plain = sealer.open(sealed, pairData(curve, self, peer, setupId));
        if (plain == null) {
            throw new GeneralSecurityException("sealed setup seeds were changed or moved");
        }
        return plain;
    }

    private byte[] pairData(String curve, byte[] self, byte[] peer, UUID setupId) {
        return Framing.frame(
                "keyshard-ecdsa-pair",
                BigEndian.u32(PAIR_FORMAT_VERSION),
                BigEndian.u64(nodeId),
                curve.getBytes(StandardCharsets.UTF_8),
                self,
                peer,
                setupId.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] associatedData(UUID keyId, String curve, byte[] contextHash) {
        return Framing.frame(
                "keyshard-share",
                BigEndian.u32(FORMAT_VERSION),
                BigEndian.u64(nodeId),
                keyId.toString().getBytes(StandardCharsets.US_ASCII),
                curve.getBytes(StandardCharsets.UTF_8),
                contextHash);
    }

    /** The binding of format 1; kept byte for byte so those shares stay readable. */
    private byte[] legacyAssociatedData(UUID keyId, String curve) {
        return Framing.Frozen.shortLengths(
                "keyshard-share", Integer.toString(LEGACY_VERSION), Long.toString(nodeId), keyId.toString(), curve);
    }

    @Override
    public void close() {
        sealer.close();
    }
}
