package io.keyshard.frost;

import static io.keyshard.frost.SigningException.blame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The checks of RFC 9591 5.2 and 5.3 before any arithmetic, each a small function naming its culprit. */
final class SigningChecks {
    private SigningChecks() {}

    /** At least the threshold of signers, identifiers positive and distinct (RFC 9591 5, 4.2 "invalid parameters"). */
    static void signerSet(SigningPackage pkg, int minSigners) {
        List<Integer> ids = pkg.signers();
        if (ids.size() < minSigners) {
            throw blame(
                    SigningCheck.SIGNER_SET,
                    SigningException.COORDINATOR,
                    ids.size() + " signers, the key needs at least " + minSigners);
        }
        Set<Integer> seen = new TreeSet<>();
        for (int id : ids) {
            if (id <= 0 || !seen.add(id)) {
                throw blame(
                        SigningCheck.SIGNER_SET,
                        SigningException.COORDINATOR,
                        "identifier " + id + " is " + (id <= 0 ? "not positive" : "listed twice"));
            }
        }
    }

    /** The signer's own identifier and unchanged commitments appear in the list (RFC 9591 5.2). */
    static void ownCommitment(SigningPackage pkg, SigningCommitments own) {
        for (SigningCommitments c : pkg.commitments()) {
            if (c.identifier() == own.identifier()) {
                if (!c.hiding().equals(own.hiding()) || !c.binding().equals(own.binding())) {
                    throw blame(
                            SigningCheck.OWN_COMMITMENT,
                            SigningException.COORDINATOR,
                            "the list holds other commitments for identifier " + own.identifier());
                }
                return;
            }
        }
        throw blame(
                SigningCheck.OWN_COMMITMENT,
                SigningException.COORDINATOR,
                "identifier " + own.identifier() + " is not in the list");
    }

    /** The nonces have not signed before (RFC 9591 5.2: MUST NOT be used more than once). */
    static void noncesLive(SigningNonces nonces) {
        if (nonces.isDestroyed()) {
            throw blame(
                    SigningCheck.NONCES_SPENT, nonces.commitments().identifier(), "these nonces already signed once");
        }
    }

    /** Exactly one share per signer of the list, each from a signer whose verification share is known. */
    static void shareSet(SigningPackage pkg, Map<Integer, SignatureShare> shares, PublicKeyPackage pub) {
        List<Integer> signers = pkg.signers();
        List<Integer> missing = new ArrayList<>();
        for (int id : signers) {
            if (!shares.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new SigningException(SigningCheck.SHARE_SET, missing, "no signature share from " + missing);
        }
        for (Map.Entry<Integer, SignatureShare> e : shares.entrySet()) {
            if (!signers.contains(e.getKey()) || e.getValue().identifier() != e.getKey()) {
                throw blame(SigningCheck.SHARE_SET, e.getKey(), "a share from a signer not in the commitment list");
            }
            if (!pub.verifyingShares().containsKey(e.getKey())) {
                throw blame(SigningCheck.SHARE_SET, e.getKey(), "no verification share is known for it");
            }
        }
    }
}
