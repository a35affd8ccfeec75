package io.keyshard.client;

import io.keyshard.bytes.Hex;
import io.keyshard.payload.evm.Eip1559Transaction;
import io.keyshard.payload.evm.SafeMessage;
import io.keyshard.payload.evm.SafeSettingsCall;
import io.keyshard.payload.evm.SafeTransaction;
import io.keyshard.payload.evm.TransactionReview;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The review of a Safe transaction in words: which Safe runs it and at which nonce, what it calls with which
 * operation, and the call read by the same decoders as a transaction's (each call of a MultiSend batch on its
 * own); warnings for a delegate call (the Safe runs the target's code as itself), a call to the Safe's own
 * settings, and a gas refund that pays someone. Also a Safe message and an owner's on-chain approval of a Safe
 * transaction hash.
 */
final class SafeRows {
    private SafeRows() {}

    /**
     * Adds the rows of a Safe message: the Safe and what its owners sign for it, with a warning that the Safe
     * itself has signed it once enough owners have.
     */
    static void message(SafeMessage m, List<SignReview.Row> rows, List<String> warnings) {
        rows.add(row("Safe", m.safe() + " (this key signs its message as one of its owners)"));
        byte[] message = m.message();
        rows.add(row(
                "Safe message",
                m.isHash() && Decoding.printable(message) == null
                        ? "0x" + Hex.encode(message) + " (the hash of the message the Safe signs; the message itself"
                                + " is not part of what is signed here)"
                        : Decoding.displayForApproval(message)));
        warnings.add("once enough owners sign this Safe message, the Safe itself has signed it (EIP-1271): a site "
                + "may take it as the Safe's login, permit or order"
                + (m.isHash() ? "; compare the hash with the message the Safe app shows before you sign" : ""));
    }

    /** Adds the rows of an owner's {@code approveHash}: the Safe transaction hash it approves on chain. */
    static void approval(String hash, List<SignReview.Row> rows, List<String> warnings) {
        rows.add(row("Safe transaction approved", hash + " (as this account's owner signature, on the Safe above)"));
        warnings.add("approveHash approves on chain, for good, the Safe transaction with the hash above as this "
                + "owner's signature: compare it with the Safe transaction hash the Safe app shows; the transaction "
                + "itself is not shown here");
    }

    /** Adds the Safe transaction's rows and warnings; {@code address} is the signing key's (EIP-55). */
    static void add(
            SafeTransaction s,
            BigInteger chainId,
            String address,
            Instant now,
            List<SignReview.Row> rows,
            List<String> warnings) {
        BigInteger chain = chainId == null ? BigInteger.ZERO : chainId;
        rows.add(row(
                "Safe",
                s.safe()
                        + (s.nonce() == null
                                ? " (if it is a Safe: it runs the call below with the owners' signatures given)"
                                : " (runs this once enough of its owners sign it; this key signs as one)")));
        rows.add(row(
                "Safe nonce",
                s.nonce() == null
                        ? "the Safe's current one (a call to execute names none)"
                        : s.nonce().toString()));
        if (s.nonce() == null) {
            rows.add(row(
                    "Signatures",
                    s.signatures() + " of the owners (the Safe checks them against its owners and threshold)"));
        }
        Optional<List<SafeTransaction.Call>> batch = s.batch();
        if (batch.isPresent()) {
            List<SafeTransaction.Call> calls = batch.get();
            rows.add(row(
                    "Batch",
                    calls.size() + " calls, one after another, through Safe's "
                            + (s.toMultiSendCallOnly() ? "MultiSendCallOnly" : "MultiSend") + " at " + s.to()
                            + " (a delegate call to Safe's own batching contract)"));
            for (int k = 0; k < calls.size(); k++) {
                SafeTransaction.Call c = calls.get(k);
                String which = "call " + (k + 1) + " of " + calls.size();
                call(s, which, c.delegateCall(), c.to(), c.value(), c.data(), chain, address, now, rows, warnings);
                if (c.delegateCall() && s.toMultiSendCallOnly()) {
                    warnings.add(which + " is a delegate call, which MultiSendCallOnly refuses: the whole Safe "
                            + "transaction fails when it runs");
                }
            }
        } else {
            call(s, "the call", s.delegateCall(), s.to(), s.value(), s.data(), chain, address, now, rows, warnings);
        }
        if (s.gasPrice().signum() > 0) {
            String token = s.gasToken().equals(SafeTransaction.ZERO) ? "the chain's coin" : "the token " + s.gasToken();
            String receiver = s.refundReceiver().equals(SafeTransaction.ZERO)
                    ? "whoever executes it"
                    : EvmMessageRows.marked(s.refundReceiver(), address);
            rows.add(row(
                    "Gas refund",
                    "the Safe pays " + receiver + " " + s.gasPrice() + " (smallest units of " + token
                            + ") for each unit of gas the call uses, plus " + s.baseGas() + " gas"));
            warnings.add("the Safe pays a gas refund in " + token + " to " + receiver + ", at a price of "
                    + s.gasPrice() + " per unit of gas: a refund can hide a payment; sign only if you expect it");
        }
    }

    /** One call's rows and warnings: what it calls, how, and its data as the transaction decoders read it. */
    private static void call(
            SafeTransaction s,
            String which,
            boolean delegateCall,
            String to,
            BigInteger value,
            byte[] data,
            BigInteger chainId,
            String address,
            Instant now,
            List<SignReview.Row> rows,
            List<String> warnings) {
        TransactionReview t = new Eip1559Transaction(
                        chainId,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Hex.decode(to.substring(2), "to"),
                        value,
                        data,
                        List.of(),
                        null)
                .review();
        boolean toSafe = to.equals(s.safe());
        String label = Character.toUpperCase(which.charAt(0)) + which.substring(1);
        rows.add(row(
                label,
                (delegateCall ? "DELEGATECALL (runs its code as the Safe) to " : "CALL to ")
                        + EvmMessageRows.marked(to, address)
                        + (toSafe ? " (the Safe itself)" : TransactionRows.recipientIs(t))
                        + (value.signum() == 0 ? "" : ", sending " + EvmMessageRows.coinAmount(chainId, value))));
        Optional<SafeSettingsCall> setting = toSafe ? SafeSettingsCall.decode(data) : Optional.empty();
        boolean rejection = toSafe && !delegateCall && data.length == 0 && value.signum() == 0;
        if (rejection) {
            // what Safe's app proposes to reject a transaction: nothing runs, the nonce is used up
            rows.add(row(
                    "Rejection",
                    "does nothing but use up the Safe's nonce" + (s.nonce() == null ? "" : " " + s.nonce())
                            + ", so no other transaction for that nonce can run"));
            return;
        }
        if (setting.isPresent()) {
            rows.add(row(
                    "Data",
                    data.length + " bytes, selector " + t.selector() + ": "
                            + setting.get().signature()));
            rows.add(row("Safe setting", String.join(", ", setting.get().arguments())));
        } else {
            TransactionRows.callRows(t, address, now, rows, warnings);
            TransactionRows.callWarnings(t, warnings);
        }
        if (delegateCall) {
            warnings.add(which + " is a DELEGATECALL to " + to + ": its code runs as the Safe itself and can change "
                    + "the Safe's owners, threshold, modules or guard, or move everything the Safe holds; sign only if "
                    + "you know that contract's code and mean exactly this (a delegate call to an unknown contract is "
                    + "how Safes are drained)");
        }
        if (toSafe) {
            warnings.add(which + " calls the Safe itself"
                    + setting.map(f -> " (" + f.signature() + ")").orElse("")
                    + ": it can change the Safe's own settings (its owners, threshold, modules, guard or fallback "
                    + "handler); check every address and number it sets");
        }
    }

    private static SignReview.Row row(String label, String value) {
        return new SignReview.Row(label, value);
    }
}
