package io.keyshard.node;

import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.dkg.IdentityKeys;
import io.keyshard.dkg.SecretShare;
import io.keyshard.dkg.ShareContext;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.security.auth.Destroyable;

/**
 * Opens a stored share for use: unseals it bound to its whole public context, checks that the
 * context is this node's own signed round-3 result of the stored setup, and that {@code x_j·G}
 * is the node's verification share. A signer takes the share and Y, Y_j, t and the chain code
 * from the answer, never from the store directly. Opening writes nothing (see {@link ShareSealer}
 * for shares sealed before the context was bound). Ownership and state are the caller's to check.
 */
final class ShareOpener {
    private static final int VERIFIED_CONTEXTS = 256;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final ShareStore store;
    private final ShareSealer sealer;
    private final NodeConfig config;
    private final IdentityKeys keys;
    /**
     * Contexts already verified, by keyId, with the exact stored public result they were verified from: the
     * check is a pure function of that text and of this node's name, id and identity key, so a row whose
     * text is unchanged needs no second check (two per signing otherwise: decoding every verification share
     * with its subgroup check and verifying the result's signature dominated a signer's time). A changed
     * row misses and is checked again. Public data only; bounded, least recently used first out.
     */
    private final ByStoredText<ShareContext> verified = new ByStoredText<>(VERIFIED_CONTEXTS);
    /**
     * Sealed shares already found to be {@code x_j·G = Y_j}, by keyId, with the sealed bytes and the context
     * hash they were opened under. The seal is authenticated and bound to that hash, so the same bytes under
     * the same hash open to the same share: its check (a base multiplication, twice per signing otherwise)
     * needs no repeat. Other bytes or another context miss and are checked again. Holds only what the store
     * holds in the clear (the sealed form), never the share.
     */
    private final ByStoredText<Boolean> checkedShares = new ByStoredText<>(VERIFIED_CONTEXTS);

    /** A share ready for use with its checked context; {@link #destroy()} wipes the share. */
    record HeldShare(ShareStore.Row row, SecretShare share, ShareContext context, int sealedFormat)
            implements Destroyable {
        @Override
        public void destroy() {
            share.destroy();
        }

        @Override
        public boolean isDestroyed() {
            return share.isDestroyed();
        }
    }

    ShareOpener(ShareStore store, ShareSealer sealer, NodeConfig config, IdentityKeys keys) {
        this.store = store;
        this.sealer = sealer;
        this.config = config;
        this.keys = keys;
    }

    /**
     * The share of a PENDING or READY key with its checked context; empty when the store holds no
     * share for {@code keyId} (unknown, aborted, expired).
     *
     * @throws GeneralSecurityException when the sealed share, its row or its public result was changed
     *     (the message names the broken rule, never a secret or the keyId)
     */
    Optional<HeldShare> open(UUID keyId) throws IOException, GeneralSecurityException {
        return open(keyId, store.sealedRecord(keyId));
    }

    /** {@link #open(UUID)} of a record the caller read already ({@code found}), so a request reads its row once. */
    Optional<HeldShare> open(UUID keyId, Optional<ShareStore.Sealed> found) throws GeneralSecurityException {
        if (found.isEmpty() || found.get().sealedShare() == null) {
            return Optional.empty();
        }
        ShareStore.Row row = found.get().row();
        ShareContext context = context(keyId, row);
        byte[] bindingHash = ShareContext.bindingHash(context.result());
        byte[] sealed = found.get().sealedShare();
        ShareSealer.Opened opened = sealer.open(keyId, row.curve(), bindingHash, sealed);
        SecretShare share;
        try {
            share = SecretShare.fromEncoded(context.curveName(), config.id(), opened.share());
        } catch (InvalidEncodingException e) {
            throw new GeneralSecurityException("the stored share is not a valid scalar of its curve");
        } finally {
            Arrays.fill(opened.share(), (byte) 0);
        }
        String sealedUnder = BASE64.encodeToString(sealed) + '/' + BASE64.encodeToString(bindingHash);
        if (checkedShares.get(keyId, sealedUnder) == null) {
            try {
                context.checkShare(share);
            } catch (IllegalArgumentException e) {
                share.destroy();
                throw new GeneralSecurityException("stored share refused: " + e.getMessage());
            }
            checkedShares.put(keyId, sealedUnder, Boolean.TRUE);
        }
        return Optional.of(new HeldShare(row, share, context, opened.version()));
    }

    private ShareContext context(UUID keyId, ShareStore.Row row) throws GeneralSecurityException {
        if (row.publicResult() == null) {
            throw new GeneralSecurityException("the stored share has no public result");
        }
        ShareContext context = verified.get(keyId, row.publicResult());
        if (context == null) {
            context = verifyContext(row);
            verified.put(keyId, row.publicResult(), context);
        }
        if (!keyId.toString().equals(context.session().keyId())
                || !context.curveName().apiName().equals(row.curve())) {
            throw new GeneralSecurityException("the stored public result belongs to another key or curve");
        }
        return context;
    }

    private ShareContext verifyContext(ShareStore.Row row) throws GeneralSecurityException {
        KeygenService.PublicResult stored;
        try {
            stored = StrictJson.mapper().readValue(row.publicResult(), KeygenService.PublicResult.class);
        } catch (IOException e) {
            throw new GeneralSecurityException("the stored public result does not parse");
        }
        try {
            return ShareContext.verify(stored.setup(), stored.result(), config.name(), config.id(), keys);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("stored share context refused: " + e.getMessage());
        }
    }
}
