package io.keyshard.ui.sign;

import io.keyshard.client.PayloadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A signed payload as the Signed page lists it, as the saved file holds it, and what its QR code carries. */
final class SignedRows {
    /** The most characters a QR code is drawn for: more makes modules too small to scan from a screen. */
    static final int QR_MAX = 1_200;

    /** One line of the page: a label, the value, and the node id of the value. */
    record Row(String label, String value, String id, boolean copy) {}

    /** What a QR code carries and the caption under it that says what a scan reads. */
    record Qr(String value, String caption) {}

    private SignedRows() {}

    /** The rows that apply to the kind, the results first. */
    static List<Row> of(PayloadResult r) {
        List<Row> rows = new ArrayList<>();
        add(rows, "Signature", r.signature(), "sign-signature", true);
        add(rows, "Without smp (older tools)", r.signatureWithoutPrefix(), "sign-signature-unprefixed", true);
        add(rows, "Signed transaction", r.signedTransaction(), "sign-signed-tx", true);
        add(rows, "Signed authorization", r.signedAuthorizationJson(), "sign-authorization", true);
        add(rows, "Transaction hash", r.txHash(), "sign-tx-hash", true);
        add(rows, "Signed PSBT", r.psbt(), "sign-psbt", true);
        if (!r.signedInputs().isEmpty()) {
            add(rows, "Inputs signed", inputs(r.signedInputs()), "sign-inputs", false);
        }
        String curve = r.curve().apiName();
        add(
                rows,
                "Scheme",
                r.scheme().equalsIgnoreCase(curve) ? r.scheme() : r.scheme() + " (" + curve + ")",
                "sign-scheme",
                false);
        add(rows, r.publicKeyLabel(), r.publicKey(), "sign-public-key", true);
        add(rows, "Address", r.address(), "sign-address", true);
        add(rows, "Path", r.derivationPath(), "sign-path", false);
        add(rows, "Signers", String.join(", ", r.signers()), "sign-signers", false);
        add(rows, "Message", r.messageShown(), "sign-message", false);
        add(rows, "Digest signed", r.digest(), "sign-digest", false);
        return rows;
    }

    private static void add(List<Row> rows, String label, String value, String id, boolean copy) {
        if (value != null && !value.isEmpty()) {
            rows.add(new Row(label, value, id, copy));
        }
    }

    /**
     * "input 0", "inputs 0 and 2", "inputs 0, 1 and 4": the PSBT input indexes, worded so that a lone
     * index is not read as a count.
     */
    static String inputs(List<Integer> indexes) {
        List<String> each = indexes.stream().map(String::valueOf).toList();
        if (each.size() == 1) {
            return "input " + each.get(0);
        }
        return "inputs " + String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.get(each.size() - 1);
    }

    /**
     * What the QR code shows, the first that is short enough to scan: the signed transaction, which a
     * wallet broadcasts; a signed authorization, which a set-code transaction carries; the signed PSBT, which a
     * wallet finishes; else the signature. Null: none.
     */
    static Qr qr(PayloadResult r) {
        if (scannable(r.signedTransaction())) {
            return new Qr(r.signedTransaction(), "Scan to read the signed transaction");
        }
        String authorization = r.signedAuthorizationJson();
        if (scannable(authorization)) {
            return new Qr(authorization, "Scan to read the signed authorization");
        }
        if (scannable(r.psbt())) {
            return new Qr(r.psbt(), "Scan to read the signed PSBT into a wallet");
        }
        return scannable(r.signature()) ? new Qr(r.signature(), "Scan to read the signature") : null;
    }

    private static boolean scannable(String value) {
        return value != null && !value.isEmpty() && value.length() <= QR_MAX;
    }

    /** The fields of {@code keyshard sign --json} that a verifier or a wallet needs (no keyId: the file may travel). */
    static Map<String, Object> json(PayloadResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", r.kind().id());
        o.putAll(r.fields(false));
        o.remove("payload");
        return o;
    }
}
