package io.keyshard.node;

import io.keyshard.dkls.OtSeeds;
import io.keyshard.dkls.ZeroSharing;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What threshold-ECDSA signing needs of the DKLs23 pairwise setups as this node stores them (one per server pair). */
interface DklsSetups {
    /**
     * This server's seeds with each co-signer (OT extension as sender and as receiver, and the zero-sharing),
     * with the setup id of each co-signer's pair.
     */
    record Seeds(
            Map<Integer, UUID> setupIds,
            Map<Integer, OtSeeds> asSender,
            Map<Integer, OtSeeds> asReceiver,
            ZeroSharing zero) {
        /** Wipes every seed (the signing ended). */
        void destroy() {
            asSender.values().forEach(OtSeeds::burn);
            asReceiver.values().forEach(OtSeeds::burn);
            zero.destroy();
        }
    }

    /**
     * The seeds with every peer of a signing, or a refusal (409) naming a pair that has no setup or whose
     * setup was burned after a failed check: such a pair signs again only after a fresh setup. {@code key} is
     * the key's public result the request was checked against: it names the signers' identity keys, which
     * name the pairs.
     */
    Seeds forSigners(KeygenService.PublicResult key, List<Integer> signers) throws IOException, ApiException;

    /** The node's stored setups: refusals are 409 {@value PairwiseSetups#SETUP_NEEDED} naming the peer. */
    static DklsSetups of(PairwiseSetups setups) {
        return new DklsSetups() {
            @Override
            public Seeds forSigners(KeygenService.PublicResult key, List<Integer> signers)
                    throws IOException, ApiException {
                PairwiseSetups.SignerMaterial m = setups.forSigners(key, signers);
                return new Seeds(m.setupIds(), m.asSender(), m.asReceiver(), m.zero());
            }

            @Override
            public void burn(UUID keyId, int peer) throws IOException {
                setups.burn(keyId, peer);
            }
        };
    }

    /**
     * Marks this server's pair with server {@code peer} of the key burned, durably, before the failure is
     * answered: every key of the two servers on that curve stops signing with that peer until a fresh setup.
     */
    void burn(UUID keyId, int peer) throws IOException;
}
