package io.keyshard.ui.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.AccountAddresses;
import io.keyshard.client.PayloadKind;
import io.keyshard.client.PayloadResult;
import io.keyshard.curve.CurveName;
import java.math.BigInteger;
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

    @Test
    void aSignedAuthorizationIsShownAndScannedAsTheEntryAnAuthorizationListTakes() {
        // ox's authorization (chain 1, nonce 40) signed by anvil's first account: r, s and y-parity 1
        String r = "0x"
                + new BigInteger("74666311849961653398815470296948700361392062371901161364182304079113687952627")
                        .toString(16);
        String s = "0x"
                + new BigInteger("24912990662134805731506157958890440652926649106845286943280690489391727501383")
                        .toString(16);
        String delegate = "be95c3f554e9fc85ec51be69a3d807a0d55bcf2c";
        PayloadResult signed = new PayloadResult(
                PayloadKind.ETH_AUTHORIZATION,
                null,
                CurveName.SECP256K1,
                "ECDSA",
                "m/44/60/0/0/0",
                "02" + "ab".repeat(32),
                null,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                "0x05d70194" + delegate + "28",
                null,
                "0x" + r.substring(2) + s.substring(2) + "01",
                r,
                s,
                1,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
        String entry = "{\"chainId\":\"0x1\",\"address\":\"" + AccountAddresses.eip55(delegate)
                + "\",\"nonce\":\"0x28\",\"yParity\":\"0x1\",\"r\":\"" + r + "\",\"s\":\"0x"
                + "0".repeat(66 - s.length())
                + s.substring(2) + "\"}";
        assertEquals(
                new SignedRows.Row("Signed authorization", entry, "sign-authorization", true),
                SignedRows.of(signed).get(1));
        assertEquals(new SignedRows.Qr(entry, "Scan to read the signed authorization"), SignedRows.qr(signed));
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
