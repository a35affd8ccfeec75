package io.keyshard.client;

import io.keyshard.curve.CurveName;
import java.util.List;
import java.util.UUID;

/**
 * A signed payload, checked the way its chain checks it before it was returned (EVM: the signer
 * recovered from the result is the derived address; PSBT: every signature verifies under its
 * input's key and signature hash; Solana: Ed25519 over the message bytes). Fields that do not
 * apply to the kind are null; hex is lower case without {@code 0x} unless the chain's tools write it.
 *
 * @param derivationPath    the path of the signing key (PSBT: of its first signed input)
 * @param publicKey         hex of the key the signature verifies under (PSBT: of its first signed input)
 * @param address           the chain address of that key, or null without a chain
 * @param signers           the servers that signed (PSBT: every server that signed an input, in order)
 * @param payload           what was signed, hex: the message, the unsigned transaction encoding, the
 *                          Solana message bytes (null for a PSBT)
 * @param digest            the 32-byte digest signed, hex, when one digest was signed (EIP-191, EIP-712,
 *                          EIP-1559, a raw digest)
 * @param signature         the signature: hex ({@code 0x} r‖s‖v for EVM messages), base58 for Solana;
 *                          for a PSBT the one signature, hex, when one input was signed (else see
 *                          {@code signatures})
 * @param v                 EVM only: 27/28 for messages, the y-parity 0/1 for a transaction
 * @param signedTransaction EIP-1559: {@code 0x02…}; Solana: base64 of the signed transaction; PSBT with
 *                          finalization: the final transaction, hex
 * @param txHash            EIP-1559: {@code 0x} Keccak-256 of the signed bytes; PSBT with finalization:
 *                          the txid; Solana: the transaction id (the fee payer's signature, base58) once
 *                          the fee payer has signed
 * @param psbt              PSBT: the PSBT with this key's signatures added (finalized when asked), base64
 * @param signedInputs      PSBT: the indexes of the inputs this key signed
 * @param signatures        every threshold signature made, in order (one, or one per PSBT input)
 * @param historyProblem    why the signing history could not be written, or null when it was
 */
public record PayloadResult(
        PayloadKind kind,
        UUID keyId,
        CurveName curve,
        String scheme,
        String derivationPath,
        String publicKey,
        String address,
        List<String> signers,
        String payload,
        String digest,
        String signature,
        String r,
        String s,
        Integer v,
        String der,
        String signedTransaction,
        String txHash,
        String psbt,
        List<Integer> signedInputs,
        List<SignResult> signatures,
        String historyProblem) {
    public PayloadResult {
        signers = List.copyOf(signers);
        signedInputs = signedInputs == null ? List.of() : List.copyOf(signedInputs);
        signatures = List.copyOf(signatures);
    }

    /** PSBT with finalization: the final transaction, hex; else null. */
    public String finalTx() {
        return kind == PayloadKind.PSBT ? signedTransaction : null;
    }

    /** The same result noting that the signing history could not be written. */
    PayloadResult withHistoryProblem(String problem) {
        return new PayloadResult(
                kind,
                keyId,
                curve,
                scheme,
                derivationPath,
                publicKey,
                address,
                signers,
                payload,
                digest,
                signature,
                r,
                s,
                v,
                der,
                signedTransaction,
                txHash,
                psbt,
                signedInputs,
                signatures,
                problem);
    }
}
