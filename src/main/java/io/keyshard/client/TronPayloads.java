package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.payload.tron.TronAction;
import io.keyshard.payload.tron.TronMessage;
import io.keyshard.payload.tron.TronTransaction;
import io.keyshard.payload.tron.TronUnits;
import io.keyshard.vault.KeyRecord;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tron transactions and messages signed by a SECP256k1 key on a {@code tron} path: ECDSA over the transaction id
 * (SHA-256 of {@code raw_data}) or the TIP-191 or TIP-712 message digest, as {@code r || s || v}. A transaction
 * must act for this key's account; every result is checked as a node or verifyMessageV2 checks it, by the account
 * recovered from the signature.
 */
final class TronPayloads {
    /** java-tron refuses a transaction whose expiration is further than this after its head block. */
    private static final Duration LONGEST_EXPIRY = Duration.ofHours(24);

    private TronPayloads() {}

    static PayloadPlan plan(KeyRecord key, PayloadRequest r, Instant now) {
        KeyPipeline.Result signer = Decoding.signer(key, r, Chain.TRON);
        String address = signer.address().value();
        return switch (r.kind()) {
            case TRON_MESSAGE -> message(r.input(), signer, address);
            case TRON_TYPED -> TronTypedPayloads.typed(r.input(), signer, address, now);
            default -> transaction(r.input(), signer, address, now);
        };
    }

    /** TIP-191 ({@code signMessageV2}): the message as a person reads it, and its digest. */
    private static PayloadPlan message(byte[] message, KeyPipeline.Result signer, String address) {
        byte[] digest = TronMessage.hash(message);
        List<SignReview.Row> rows = new ArrayList<>();
        rows.add(new SignReview.Row("Signer", address));
        rows.add(new SignReview.Row("Path", signer.derivationPath()));
        rows.add(new SignReview.Row("Message", Decoding.displayForApproval(message)));
        rows.add(new SignReview.Row("Length", message.length + " bytes"));
        rows.add(new SignReview.Row("Digest", Hex.encode(digest)));
        List<String> warnings = new ArrayList<>();
        if (message.length == 32 && Decoding.printable(message) == null) {
            warnings.add(
                    "the message is 32 bytes of binary data: it may be the hash of an order or permit that someone "
                            + "wants signed unseen (a contract that checks Tron's older signMessage takes this signature); "
                            + "sign it only if you know what it is");
        }
        SignReview review = new SignReview(PayloadKind.TRON_MESSAGE.title(), rows, warnings);
        return messagePlan(
                PayloadKind.TRON_MESSAGE,
                review,
                signer,
                address,
                message,
                digest,
                PayloadKind.TRON_MESSAGE.title(),
                signature -> TronMessage.signerOf(message, signature));
    }

    /**
     * A message's plan (TIP-191 or TIP-712): {@code r || s || v} over {@code digest}, returned only when
     * {@code recover} finds this key's account in it; {@code payload} is what the result records as signed, and
     * {@code description} how the signing history names it.
     */
    static PayloadPlan messagePlan(
            PayloadKind kind,
            SignReview review,
            KeyPipeline.Result signer,
            String address,
            byte[] payload,
            byte[] digest,
            String description,
            Function<byte[], String> recover) {
        PayloadPlan.Part part =
                new PayloadPlan.Part(signer.derived().path(), null, digest, true, Chain.TRON, digest, description);
        return new SinglePlan(review, part, address, Hex.encode(digest), res -> {
            EvmSignature sig = PayloadResults.lowS(res);
            byte[] signature = sig.encode();
            checkSigner(() -> recover.apply(signature), address);
            return PayloadResults.of(
                    kind,
                    List.of(res),
                    PayloadResults.Output.signature(
                            Hex.encode(payload),
                            Hex.encode(digest),
                            "0x" + Hex.encode(signature),
                            word(sig.r()),
                            word(sig.s()),
                            sig.v(),
                            res.der()));
        });
    }

    /** How the signing history names it: what it does, and the amount and recipient when it has them. */
    static String description(TronAction action) {
        String amount = null;
        String to = null;
        for (TronAction.Line l : action.lines()) {
            amount = l.label().equals("Amount") ? l.value() : amount;
            to = l.label().equals("To") ? l.value() : to;
        }
        return "Tron: " + action.title() + (amount == null ? "" : ", " + amount) + (to == null ? "" : " to " + to);
    }

    /** A result that recovers no account, or not this key's, is a failed signing: never returned. */
    private static void checkSigner(Supplier<String> recover, String address) {
        String recovered;
        try {
            recovered = recover.get();
        } catch (IllegalArgumentException e) {
            throw PayloadResults.rejected(e.getMessage());
        }
        if (!recovered.equals(address)) {
            throw PayloadResults.rejected("the account recovered from the signature (" + recovered
                    + ") is not this key's address " + address);
        }
    }

    private static PayloadPlan transaction(byte[] input, KeyPipeline.Result signer, String address, Instant now) {
        TronTransaction tx = TronTransaction.parseText(
                Decoding.utf8(input, "a Tron transaction: the JSON TronWeb builds, or its raw_data in hex"));
        TronAction action = tx.action(address);
        if (!action.owner().equals(address)) {
            throw new IllegalArgumentException("the transaction acts for account " + action.owner() + "; this key's "
                    + "address at " + signer.derivationPath() + " is " + address + ": pick the key and path of that "
                    + "account (--path, or --account and --index)");
        }
        byte[] txId = tx.txId();
        List<SignReview.Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        rows.add(new SignReview.Row("Signer", address));
        rows.add(new SignReview.Row("Path", signer.derivationPath()));
        rows.add(new SignReview.Row("Action", action.title() + " (" + action.contract() + ")"));
        for (TronAction.Line l : action.lines()) {
            rows.add(new SignReview.Row(l.label(), l.value()));
        }
        warnings.addAll(action.warnings());
        rows.add(new SignReview.Row("TRX this account sends", sends(action.sunSent())));
        rows.add(new SignReview.Row("Network fee", fee(tx, warnings)));
        rows.add(new SignReview.Row(
                "Permission",
                tx.permissionId() == 0
                        ? "owner"
                        : "active permission " + tx.permissionId()
                                + " (a multi-signature account: its other keys may have to sign too)"));
        byte[] memo = tx.memo();
        if (memo != null) {
            rows.add(new SignReview.Row("Memo", Decoding.display(memo)));
        }
        rows.add(new SignReview.Row("Expires", expiry(tx.expirationMillis(), now, warnings)));
        rows.add(new SignReview.Row("Reference block", tx.referenceBlock()));
        rows.add(new SignReview.Row("Transaction id", Hex.encode(txId)));
        List<byte[]> present = tx.signatures();
        if (!present.isEmpty()) {
            List<String> by = new ArrayList<>();
            for (byte[] s : present) {
                by.add(signedBy(tx, s));
            }
            rows.add(new SignReview.Row("Signatures present", present.size() + ": " + String.join(", ", by)));
        }
        SignReview review = new SignReview(PayloadKind.TRON_TX.title(), rows, warnings);
        PayloadPlan.Part part =
                new PayloadPlan.Part(signer.derived().path(), null, txId, true, Chain.TRON, txId, description(action));
        return new SinglePlan(review, part, address, Hex.encode(txId), res -> {
            EvmSignature sig = PayloadResults.lowS(res);
            byte[] signature = sig.encode();
            checkSigner(() -> tx.signerOf(signature), address);
            return PayloadResults.of(
                    PayloadKind.TRON_TX,
                    List.of(res),
                    new PayloadResults.Output(
                            Hex.encode(tx.rawData()),
                            Hex.encode(txId),
                            Hex.encode(signature),
                            word(sig.r()),
                            word(sig.s()),
                            sig.v(),
                            res.der(),
                            Hex.encode(tx.signedEncoding(signature)),
                            Hex.encode(txId),
                            null,
                            null));
        });
    }

    private static String sends(long sun) {
        return sun == 0 ? "none besides the network fee" : trx(sun) + " and the network fee";
    }

    /** What the transaction may cost: bandwidth always, and energy (up to the fee limit) for a contract call. */
    private static String fee(TronTransaction tx, List<String> warnings) {
        String bandwidth = "bandwidth, from the account's free or staked allowance, else TRX burnt for it";
        if (!tx.callsContract()) {
            return bandwidth;
        }
        if (tx.feeLimitSun() == 0) {
            warnings.add("the call sets no fee limit: it fails unless this account has staked energy enough for it");
            return bandwidth + "; energy from staked energy only (no fee limit)";
        }
        return bandwidth + "; energy from staked energy, else at most " + trx(tx.feeLimitSun())
                + " burnt (the fee limit)";
    }

    private static String expiry(long millis, Instant now, List<String> warnings) {
        Instant at = Instant.ofEpochMilli(millis);
        Duration left = Duration.between(now, at);
        if (left.isNegative()) {
            warnings.add("the transaction expired at " + at + ": the network refuses it; build it again");
            return at + " (expired)";
        }
        if (left.compareTo(LONGEST_EXPIRY) > 0) {
            warnings.add("the transaction expires " + left.toHours() + " hours from now: nodes refuse one that "
                    + "expires more than 24 hours after their latest block; build it again with a nearer expiration");
        }
        return at + " (in " + (left.toMinutes() > 0 ? left.toMinutes() + " min" : left.toSeconds() + " s") + ")";
    }

    private static String signedBy(TronTransaction tx, byte[] signature) {
        try {
            return tx.signerOf(signature);
        } catch (IllegalArgumentException e) {
            return "one that recovers no account";
        }
    }

    private static String trx(long sun) {
        return TronUnits.trx(sun);
    }

    private static String word(BigInteger v) {
        return String.format("%064x", v);
    }
}
