package io.keyshard.client;

import io.keyshard.derive.Network;
import io.keyshard.payload.evm.Eip1559Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The review's rows and warnings of an Ethereum mainnet transaction, as a test lays it out by hand. */
record ReviewedTransaction(List<SignReview.Row> rows, List<String> warnings) {
    /** The review of a call of {@code data} (hex, no 0x) with {@code value} wei to {@code to}, signed by {@code self}. */
    static ReviewedTransaction of(String self, String to, String value, String data) {
        return of(1, self, to, value, data);
    }

    /** As {@link #of(String, String, String, String)}, on the chain {@code chainId}. */
    static ReviewedTransaction of(long chainId, String self, String to, String value, String data) {
        Eip1559Transaction tx = Eip1559Transaction.parse("{\"chainId\":\"" + chainId + "\",\"nonce\":\"0\","
                + "\"maxPriorityFeePerGas\":\"1\",\"maxFeePerGas\":\"2\",\"gas\":\"300000\",\"to\":\"" + to
                + "\",\"value\":\"" + value + "\",\"data\":\"0x" + data + "\"}");
        List<SignReview.Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TransactionRows.add(tx.review(), self, Network.MAINNET, Instant.EPOCH, rows, warnings);
        return new ReviewedTransaction(rows, warnings);
    }

    boolean shows(String label, String value) {
        return rows.contains(new SignReview.Row(label, value));
    }

    String text() {
        return rows + "\n" + warnings;
    }
}
