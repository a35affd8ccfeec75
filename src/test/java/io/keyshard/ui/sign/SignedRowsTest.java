package io.keyshard.ui.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadResult;
import io.keyshard.curve.CurveName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Signed page's rows and QR code: what a person reads and what a wallet scans. */
class SignedRowsTest {
    private static final String PSBT = "cHNidP8BAH0CAAAAAQ==";

    @Test
    void theInputsSignedAreNamedAsInputsNotReadAsACount() {
        assertEquals("input 0", SignedRows.inputs(List.of(0)));
        assertEquals("inputs 0 and 2", SignedRows.inputs(List.of(0, 2)));
        assertEquals("inputs 0, 1 and 4", SignedRows.inputs(List.of(0, 1, 4)));
        List<SignedRows.Row> rows = SignedRows.of(psbt(PSBT, null, List.of(3)));
        assertEquals(
                "input 3",
                rows.stream()
                        .filter(x -> x.id().equals("sign-inputs"))
                        .findFirst()
                        .orElseThrow()
                        .value());
    }

    @Test
    void theQrCodeCarriesWhatAWalletTakesNext() {
        SignedRows.Qr signedPsbt = SignedRows.qr(psbt(PSBT, null, List.of(0)));
        assertEquals(PSBT, signedPsbt.value());
        assertEquals("Scan to read the signed PSBT into a wallet", signedPsbt.caption());

        SignedRows.Qr finalized = SignedRows.qr(psbt(PSBT, "0200000001", List.of(0)));
        assertEquals("0200000001", finalized.value());
        assertEquals("Scan to read the signed transaction", finalized.caption());

        // too long to scan from a screen: the short signature instead
        SignedRows.Qr signature = SignedRows.qr(psbt("c".repeat(SignedRows.QR_MAX + 1), null, List.of(0)));
        assertEquals("3044", signature.value());
        assertEquals("Scan to read the signature", signature.caption());
    }

    @Test
    void nothingScannableMeansNoQrCode() {
        assertNull(SignedRows.qr(result(null, null, null, List.of())));
    }

    @Test
    void aBip322SignatureIsAlsoOfferedWithoutItsPrefixForToolsMadeBeforeTheFinalBip() {
        List<SignedRows.Row> rows =
                SignedRows.of(result(PayloadKind.BTC_MESSAGE, "smpAkcwRAIg", null, null, List.of()));
        assertEquals(
                new SignedRows.Row("Without smp (older tools)", "AkcwRAIg", "sign-signature-unprefixed", true),
                rows.get(1));
        // Core's signmessage format has no prefix, and a PSBT signature is not a message's
        List<SignedRows.Row> legacy = SignedRows.of(result(PayloadKind.BTC_MESSAGE, "IN4h", null, null, List.of()));
        assertEquals("Scheme", legacy.get(1).label());
        assertTrue(SignedRows.of(psbt(PSBT, null, List.of(0))).stream()
                .noneMatch(r -> r.id().equals("sign-signature-unprefixed")));
    }

    private static PayloadResult psbt(String psbt, String signedTransaction, List<Integer> inputs) {
        return result(PayloadKind.PSBT, "3044", signedTransaction, psbt, inputs);
    }

    private static PayloadResult result(String signature, String signedTransaction, String psbt, List<Integer> inputs) {
        return result(PayloadKind.PSBT, signature, signedTransaction, psbt, inputs);
    }

    private static PayloadResult result(
            PayloadKind kind, String signature, String signedTransaction, String psbt, List<Integer> inputs) {
        return new PayloadResult(
                kind,
                null,
                CurveName.SECP256K1,
                "ECDSA",
                "m/84/0/0/0/0",
                "02" + "ab".repeat(32),
                null,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                null,
                null,
                signature,
                null,
                null,
                null,
                null,
                signedTransaction,
                null,
                psbt,
                inputs,
                List.of(),
                null);
    }
}
