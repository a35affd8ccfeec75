package io.keyshard.client;

import io.keyshard.address.Base58;
import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.payload.solana.SolanaReview;
import io.keyshard.payload.solana.SolanaTransaction;
import io.keyshard.vault.KeyRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Solana transactions (legacy, v0) or bare messages signed by an ED25519 key on a {@code solana}
 * path: an Ed25519 signature over the message bytes, placed in the key's signer slot. The key must be
 * one of the message's required signers.
 */
final class SolanaPayloads {
    private SolanaPayloads() {}

    static PayloadPlan plan(KeyRecord key, PayloadRequest r) {
        KeyPipeline.Result signer = Decoding.signer(key, r, r.kind().chain());
        byte[] publicKey = signer.derived().key().publicKey();
        SolanaTransaction tx = read(r.input());
        int slot = tx.signerSlot(publicKey);
        SolanaReview v = tx.review();
        byte[] message = tx.message().bytes();
        String address = signer.address().value();

        List<SignReview.Row> rows = new ArrayList<>();
        rows.add(new SignReview.Row("Signer", address));
        rows.add(new SignReview.Row("Path", signer.derivationPath()));
        rows.add(new SignReview.Row("Version", v.version()));
        rows.add(new SignReview.Row("Fee payer", v.feePayer() + (slot == 0 ? " (this key)" : "")));
        rows.add(new SignReview.Row("Signer slot", slot + " of " + v.signaturesRequired()));
        for (int i = 0; i < v.accounts().size(); i++) {
            SolanaReview.Account a = v.accounts().get(i);
            String flags = (a.signer() ? "signer" : "")
                    + (a.signer() && a.writable() ? ", " : "")
                    + (a.writable() ? "writable" : "");
            rows.add(new SignReview.Row("Account " + i, a.address() + (flags.isEmpty() ? "" : " (" + flags + ")")));
        }
        rows.add(new SignReview.Row("Programs", String.join(", ", v.programIds())));
        rows.add(new SignReview.Row("Instructions", Integer.toString(v.instructionCount())));
        rows.add(new SignReview.Row("Recent blockhash", v.recentBlockhash()));
        for (SolanaReview.Lookup l : v.lookups()) {
            rows.add(new SignReview.Row(
                    "Lookup table",
                    l.table() + " writable " + l.writableIndexes() + " read-only " + l.readonlyIndexes()));
        }
        rows.add(new SignReview.Row("Signatures present", v.signaturesPresent() + " of " + v.signaturesRequired()));
        List<String> warnings = new ArrayList<>();
        if (!v.lookups().isEmpty()) {
            warnings.add("some accounts are loaded from address lookup tables: their addresses are on chain and "
                    + "not shown here");
        }
        if (tx.isSigned(slot)) {
            warnings.add("this key's slot already holds a valid signature; it is signed again");
        }
        SignReview review = new SignReview(PayloadKind.SOLANA_TX.title(), rows, warnings);
        PayloadPlan.Part part = new PayloadPlan.Part(
                signer.derived().path(),
                null,
                message,
                false,
                Chain.SOLANA,
                Digests.sha256(message),
                "Solana " + v.version() + " transaction, " + v.instructionCount() + " instructions (SHA-256 shown)");
        return new SinglePlan(review, part, address, null, res -> {
            byte[] signature = Hex.decode(res.signature(), "signature");
            SolanaTransaction signed;
            try {
                signed = SolanaTransaction.parse(
                        tx.withSignature(publicKey, signature).serialize());
            } catch (IllegalArgumentException e) {
                throw PayloadResults.rejected(e.getMessage());
            }
            if (!signed.isSigned(slot)) {
                throw PayloadResults.rejected(
                        "the signed transaction does not carry a valid signature in slot " + slot);
            }
            String txId = signed.isSigned(0) ? Base58.encode(signed.signatures().get(0)) : null;
            return PayloadResults.of(
                    PayloadKind.SOLANA_TX,
                    List.of(res),
                    new PayloadResults.Output(
                            Hex.encode(message),
                            null,
                            Base58.encode(signature),
                            null,
                            null,
                            null,
                            null,
                            Base64.getEncoder().encodeToString(signed.serialize()),
                            txId,
                            null,
                            null));
        });
    }

    /** Text (base64 or base58, surrounding whitespace ignored) when every byte is printable ASCII; else the wire bytes. */
    static SolanaTransaction read(byte[] input) {
        if (input.length == 0) {
            throw new IllegalArgumentException("the Solana transaction is empty");
        }
        for (byte b : input) {
            if (b < 0x09 || b > 0x7e || (b > 0x0d && b < 0x20)) {
                return SolanaTransaction.parse(input);
            }
        }
        return SolanaTransaction.parseText(new String(input, StandardCharsets.US_ASCII));
    }
}
