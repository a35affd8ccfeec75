package io.keyshard.client;

import io.keyshard.address.Base58;
import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.payload.solana.InstructionText;
import io.keyshard.payload.solana.PriorityFee;
import io.keyshard.payload.solana.SolanaMessage;
import io.keyshard.payload.solana.SolanaReview;
import io.keyshard.payload.solana.SolanaTransaction;
import io.keyshard.vault.KeyRecord;
import java.math.BigInteger;
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
    /** What the network charges for each signature a transaction carries. */
    private static final long LAMPORTS_PER_SIGNATURE = 5_000;

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
        // what the transaction does comes first; the accounts it names follow for whoever checks them one by one
        rows.add(new SignReview.Row("Instructions", Integer.toString(v.instructionCount())));
        List<String> warnings = new ArrayList<>();
        List<InstructionText> instructions = InstructionText.of(tx.message(), publicKey);
        for (int i = 0; i < instructions.size(); i++) {
            InstructionText ix = instructions.get(i);
            rows.add(new SignReview.Row("Instruction " + i, ix.program() + ": " + ix.action()));
            if (ix.warning() != null && !warnings.contains(ix.warning())) {
                warnings.add(ix.warning());
            }
        }
        BigInteger sent = InstructionText.lamportsSentBy(tx.message(), publicKey);
        Fee fee = Fee.of(tx.message(), v.signaturesRequired());
        rows.add(new SignReview.Row(
                "SOL this key sends",
                sends(
                        sent,
                        InstructionText.sentIsBound(tx.message(), publicKey),
                        InstructionText.rentPayingPrograms(tx.message(), publicKey),
                        slot == 0 ? fee.total() : null,
                        fee.upperBound(),
                        InstructionText.undecodedNaming(tx.message(), publicKey))));
        rows.add(new SignReview.Row("Network fee", fee.text()));
        if (fee.upperBound()) {
            warnings.add("the transaction sets a priority fee price but no compute unit limit: the priority fee can "
                    + "reach " + InstructionText.sol(fee.priority().lamports()) + "; a wallet that sets the limit "
                    + "too says exactly what it pays");
        }
        rows.add(new SignReview.Row(
                "Programs",
                String.join(
                        ", ",
                        v.programIds().stream()
                                .map(InstructionText::programName)
                                .toList())));
        for (int i = 0; i < v.accounts().size(); i++) {
            rows.add(new SignReview.Row("Account " + i, accountLine(v.accounts().get(i), address)));
        }
        rows.add(new SignReview.Row("Recent blockhash", v.recentBlockhash()));
        for (SolanaReview.Lookup l : v.lookups()) {
            rows.add(new SignReview.Row(
                    "Lookup table",
                    l.table() + " writable " + l.writableIndexes() + " read-only " + l.readonlyIndexes()));
        }
        rows.add(new SignReview.Row("Signatures present", v.signaturesPresent() + " of " + v.signaturesRequired()));
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

    /**
     * An account as the reviewer checks it: its address, then whether it is this key or a program
     * decoded here, and its signer and writable flags ({@code "1111…1111 (System Program)"}).
     */
    static String accountLine(SolanaReview.Account a, String selfAddress) {
        List<String> notes = new ArrayList<>();
        if (a.address().equals(selfAddress)) {
            notes.add("this key");
        }
        String program = InstructionText.programName(a.address());
        if (!program.equals(a.address())) {
            notes.add(program);
        }
        if (a.signer()) {
            notes.add("signer");
        }
        if (a.writable()) {
            notes.add("writable");
        }
        return notes.isEmpty() ? a.address() : a.address() + " (" + String.join(", ", notes) + ")";
    }

    /**
     * What leaves this key in all: what the instructions send, and when it pays the fee ({@code fee} not null)
     * the fee with it, so the person reads one total ("0.000006 SOL in all: ..."); {@code sentBound} when what the
     * instructions send is a bound (a pump.fun buy in SOL), {@code feeBound} when the fee is (a priority fee without
     * a unit limit); {@code rentBy} the programs that may open accounts whose rent this key pays, an amount no
     * instruction states; {@code undecoded} instructions that name this key but are not decoded here may move more,
     * and the text says so.
     */
    static String sends(
            BigInteger sent, boolean sentBound, List<String> rentBy, BigInteger fee, boolean feeBound, int undecoded) {
        String by = undecoded == 0 ? "above" : "decoded here";
        String rent = rentBy.isEmpty()
                ? ""
                : "; and the rent of any account opened for this key (by " + String.join(", ", rentBy) + ")";
        String open = undecoded == 0
                ? ""
                : "; and what " + (undecoded == 1 ? "the instruction" : "the " + undecoded + " instructions")
                        + " not decoded here may move, which Keyshard cannot tell";
        String sentUpTo = sentBound ? "at most " : "";
        if (fee == null) {
            return (sent.signum() == 0
                            ? "none by the instructions " + by
                            : sentUpTo + InstructionText.sol(sent) + " by the instructions " + by)
                    + rent
                    + open;
        }
        String feeUpTo = feeBound ? "at most " : "";
        if (sent.signum() == 0) {
            return feeUpTo + InstructionText.sol(fee) + ", the network fee alone (the instructions " + by
                    + " send none)" + rent + open;
        }
        return (sentBound || feeBound ? "at most " : "") + InstructionText.sol(sent.add(fee)) + " in all: "
                + sentUpTo + InstructionText.sol(sent) + " by the instructions " + by + " and " + feeUpTo
                + InstructionText.sol(fee) + " network fee" + rent + open;
    }

    /**
     * The network fee: 5,000 lamports a signature, and the priority fee the compute-budget instructions set
     * (null when they set no price; a bound when they set no unit limit).
     */
    private record Fee(BigInteger base, PriorityFee priority) {
        static Fee of(SolanaMessage m, int signatures) {
            return new Fee(BigInteger.valueOf(LAMPORTS_PER_SIGNATURE * signatures), PriorityFee.of(m));
        }

        /** What the fee payer pays: the base fee and the priority fee (or the most it can be). */
        BigInteger total() {
            return priority == null ? base : base.add(priority.lamports());
        }

        boolean upperBound() {
            return priority != null
                    && priority.upperBound()
                    && priority.lamports().signum() > 0;
        }

        String text() {
            String text = InstructionText.sol(base) + " (" + LAMPORTS_PER_SIGNATURE + " lamports a signature)";
            if (priority == null || priority.lamports().signum() == 0) {
                return text;
            }
            if (upperBound()) {
                return text + " + at most " + InstructionText.sol(priority.lamports()) + " priority fee (no compute "
                        + "unit limit is set), at most " + InstructionText.sol(total()) + " in all";
            }
            return text + " + " + InstructionText.sol(priority.lamports()) + " priority fee, "
                    + InstructionText.sol(total()) + " in all";
        }
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
