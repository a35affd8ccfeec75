package io.keyshard.node;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.ShareContext;
import io.keyshard.dkls.Group;
import io.keyshard.frost.Ciphersuite;
import io.keyshard.frost.KeyPackage;
import io.keyshard.frost.Tweaks;
import io.keyshard.ids.KeyIds;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignTranscript;
import io.keyshard.wire.TaprootTweak;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which key a signing request names, checked against what this node stored at key generation: the key is
 * READY and this client's, the signer set is at least the threshold of distinct holders including this
 * server, and the signing share is this server's share moved by the tweak it derives itself from the
 * path (and the taproot tweak) over the key's public data; a tweak never comes from the client.
 */
final class SigningKeys {
    private final NodeConfig config;
    private final ShareStore store;
    private final ShareOpener opener;
    /**
     * Public results already parsed, by keyId and exact stored text (each round of each signing parsed the
     * same JSON again); public data only, shared read-only between requests.
     */
    private final ByStoredText<KeygenService.PublicResult> parsed = new ByStoredText<>(256);

    SigningKeys(NodeConfig config, ShareStore store, ShareOpener opener) {
        this.config = config;
        this.store = store;
        this.opener = opener;
    }

    /**
     * A checked request: the key's public data and everything the request binds ({@code suite} null for
     * ECDSA), and the key's row as read for the check ({@code stored}: the share still sealed), so that the
     * share is opened from the very row that was checked, read once per request.
     */
    record Request(
            UUID keyId,
            String storedCurve,
            CurveName curve,
            Ciphersuite suite,
            DerivationPath path,
            TaprootTweak taproot,
            List<Integer> signers,
            byte[] messageHash,
            byte[] requestHash,
            KeygenService.PublicResult key,
            ShareStore.Sealed stored) {

        /** The participant of the key generation with identifier {@code id} (a signer of the set). */
        Participant participant(int id) {
            return key.setup().participants().stream()
                    .filter(p -> p.id() == id)
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** The message of a request, decoded and within the size limit. */
    static byte[] message(SignRound1Request r) throws ApiException {
        byte[] message;
        try {
            message = Hex.decode(r.message(), "message");
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed(e.getMessage());
        }
        if (message.length > SignRound1Request.MAX_MESSAGE) {
            throw ApiException.malformed("the message is " + message.length + " bytes; at most "
                    + SignRound1Request.MAX_MESSAGE + " are signed");
        }
        return message;
    }

    Request check(String clientId, UUID signId, SignRound1Request r) throws IOException, ApiException {
        if (!KeyIds.isCanonical(r.keyId())) {
            throw ApiException.malformed("keyId: " + KeyIds.RULE);
        }
        UUID keyId = UUID.fromString(r.keyId());
        byte[] message = message(r);
        DerivationPath path;
        TaprootTweak taproot;
        try {
            path = DerivationPath.parse(r.path());
            taproot = TaprootTweak.parse(r.taproot());
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed(e.getMessage());
        }
        Optional<ShareStore.Sealed> found = store.sealedRecord(keyId);
        if (found.isEmpty() || !found.get().row().clientId().equals(clientId)) {
            throw ApiException.notFound("no such key on this server");
        }
        ShareStore.Row row = found.get().row();
        if (row.state() != KeyState.READY || row.publicResult() == null) {
            throw ApiException.conflict("the key is not READY on this server");
        }
        CurveName curve = CurveName.parse(row.curve());
        boolean frost = SigningService.frost(curve);
        if (!frost && message.length != Group.of(curve).digestLength()) {
            throw ApiException.malformed(curve.apiName() + " keys sign a digest of "
                    + Group.of(curve).digestLength() + " bytes (the curve's hash of the message); this one is "
                    + message.length);
        }
        if (taproot != null && curve != CurveName.SECP256K1_SCHNORR) {
            throw ApiException.malformed("a taproot tweak applies to SECP256K1_SCHNORR keys only");
        }
        KeygenService.PublicResult key = parsed.get(keyId, row.publicResult());
        if (key == null) {
            key = StrictJson.mapper().readValue(row.publicResult(), KeygenService.PublicResult.class);
            parsed.put(keyId, row.publicResult(), key);
        }
        List<Integer> signers = checkSigners(r.signers(), key);
        return new Request(
                keyId,
                row.curve(),
                curve,
                frost ? Ciphersuite.forCurve(curve) : null,
                path,
                taproot,
                signers,
                SignTranscript.messageHash(message),
                SignTranscript.requestHash(signId, r, message),
                key,
                found.get());
    }

    /** At least t distinct holders of the key, this server among them. */
    private List<Integer> checkSigners(List<Integer> signers, KeygenService.PublicResult key) throws ApiException {
        Set<Integer> holders = new HashSet<>();
        key.setup().participants().forEach(p -> holders.add(p.id()));
        Set<Integer> seen = new HashSet<>();
        for (Integer id : signers) {
            if (id == null || !holders.contains(id)) {
                throw ApiException.protocol(
                        "the signer set names server id " + id + ", which holds no share of this key");
            }
            if (!seen.add(id)) {
                throw ApiException.protocol("the signer set names server id " + id + " twice");
            }
        }
        if (signers.size() < key.setup().threshold()) {
            throw ApiException.protocol("the signer set has " + signers.size() + " servers; the key needs "
                    + key.setup().threshold());
        }
        if (!seen.contains(config.id())) {
            throw ApiException.protocol("this server (id " + config.id() + ") is not in the signer set");
        }
        return List.copyOf(signers);
    }

    /**
     * This server's threshold-ECDSA share for the request, {@code x_i + δ} with δ the derivation tweak of the
     * path (section 13.2), in the group's field; the caller destroys it.
     */
    Scalar ecdsaShare(Request req, Group g) throws IOException, ApiException {
        ShareOpener.HeldShare held = open(req);
        try {
            Scalar x = g.of(held.share().scalar().toBigInteger());
            Scalar moved = x.add(g.of(derivation(req).tweak()));
            x.destroy();
            return moved;
        } finally {
            held.destroy();
        }
    }

    /** The key a request signs under: the root key moved along the path (public data only). */
    static Point derivedKey(Request req) {
        return derivation(req).key().point();
    }

    private static DerivedKey derivation(Request req) {
        Round3Message result = req.key().result();
        return PublicDerivation.derive(
                ExtendedPublicKey.root(req.curve(), result.rootPublicKey(), result.chainCode()), req.path());
    }

    private ShareOpener.HeldShare open(Request req) throws IOException, ApiException {
        try {
            return opener.open(req.keyId(), Optional.of(req.stored()))
                    .orElseThrow(() -> ApiException.conflict("this server holds no share of the key"));
        } catch (GeneralSecurityException e) {
            throw new IOException("the stored share does not open: " + e.getMessage(), e);
        }
    }

    /** This server's signing key for the request: its share moved by the derivation tweak (and the taproot tweak). */
    KeyPackage keyPackage(Request req) throws IOException, ApiException {
        ShareOpener.HeldShare held = open(req);
        ShareContext context = held.context();
        KeyPackage root;
        try {
            root = new KeyPackage(
                    config.id(),
                    held.share().scalar(),
                    context.verificationShares().get(config.id()),
                    context.groupKey(),
                    context.threshold());
        } finally {
            held.destroy();
        }
        // The root as ExtendedPublicKey.root makes it, from the context's already decoded (and checked) key.
        ExtendedPublicKey start = new ExtendedPublicKey(req.curve(), context.groupKey(), context.chainCode(), 0, 0, 0);
        DerivedKey child = PublicDerivation.derive(start, req.path());
        BigInteger delta = child.tweak();
        KeyPackage derived = delta.signum() == 0
                ? root
                : Tweaks.derive(root, delta, child.key().point());
        if (derived != root) {
            root.destroy();
        }
        if (req.taproot() == null) {
            return derived;
        }
        try {
            return Tweaks.taproot(derived, req.taproot().merkleRoot());
        } finally {
            derived.destroy();
        }
    }
}
