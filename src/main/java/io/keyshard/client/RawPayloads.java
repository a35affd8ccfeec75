package io.keyshard.client;

import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.derive.DerivationPath;
import io.keyshard.vault.KeyRecord;
import java.util.ArrayList;
import java.util.List;

/** A raw message or digest (docs/cli.md, sign message and sign digest): the bytes signed as the scheme signs them. */
final class RawPayloads {
    private RawPayloads() {}

    static PayloadPlan plan(KeyRecord key, PayloadRequest r) {
        boolean digest = r.kind() == PayloadKind.DIGEST;
        byte[] input = r.input();
        if (digest) {
            SignRequest.checkDigest(key.curve(), input.length);
        } else {
            SignRequest.checkMessageLength(input.length);
        }
        if (r.chain() != null) {
            r.chain().requireCurve(key.curve());
        }
        DerivationPath path = r.path() != null
                ? r.path()
                : r.chain() == null ? DerivationPath.ROOT : r.chain().defaultPath(0, 0, r.network());
        KeyPipeline.Result signer = KeyPipeline.run(Workspace.rootOf(key), r.chain(), path, r.network());
        String address = signer.address() == null ? null : signer.address().value();
        List<SignReview.Row> rows = new ArrayList<>();
        if (address != null) {
            rows.add(new SignReview.Row("Address", address));
        }
        rows.add(new SignReview.Row("Path", signer.derivationPath()));
        String outputKey = signer.addressDetails().get("outputKey");
        if (outputKey == null) {
            rows.add(new SignReview.Row("Public key", signer.publicKey()));
        } else { // Taproot: the derived key is the internal key; the signature verifies under the tweaked output key
            rows.add(new SignReview.Row("Internal key", signer.publicKey()));
            rows.add(new SignReview.Row(SignReview.OUTPUT_KEY, outputKey));
        }
        rows.add(new SignReview.Row(digest ? "Digest" : "Message", Decoding.displayForApproval(input)));
        if (!digest) {
            rows.add(new SignReview.Row("Length", input.length + " bytes"));
        }
        List<String> warnings = new ArrayList<>();
        if (digest) {
            warnings.add("a digest says nothing about what it is the hash of: sign it only if you made it yourself");
        }
        SignReview review = new SignReview(r.kind().title(), rows, warnings);
        PayloadPlan.Part part = new PayloadPlan.Part(
                signer.derived().path(),
                null,
                input,
                digest,
                r.chain(),
                digest ? input : Digests.sha256(input),
                digest ? input.length + "-byte digest" : "message of " + input.length + " bytes (SHA-256 shown)");
        String payload = Hex.encode(input);
        return new SinglePlan(
                review,
                part,
                address,
                digest ? payload : null,
                res -> PayloadResults.of(
                        r.kind(),
                        List.of(res),
                        PayloadResults.Output.signature(
                                digest ? null : payload,
                                digest ? payload : null,
                                res.signature(),
                                res.r(),
                                res.s(),
                                res.recoveryId(),
                                res.der())));
    }
}
