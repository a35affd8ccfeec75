package io.keyshard.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.payload.bitcoin.Bip322;
import io.keyshard.payload.evm.Eip7702Authorization;
import io.keyshard.payload.evm.SignedAuthorization;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *                          an EVM transaction, a raw digest)
 * @param signature         the signature: hex ({@code 0x} r‖s‖v for EVM messages), base58 for Solana;
 *                          for a PSBT the one signature, hex, when one input was signed (else see
 *                          {@code signatures})
 * @param v                 EVM only: 27/28 for messages, the y-parity 0/1 for a transaction
 * @param signedTransaction EVM: {@code 0x02…}, or a legacy transaction's RLP list; Solana: base64 of the
 *                          signed transaction; PSBT with finalization: the final transaction, hex
 * @param txHash            EVM: {@code 0x} Keccak-256 of the signed bytes; PSBT with finalization:
 *                          the txid; Solana: the transaction id (the fee payer's signature, base58) once
 *                          the fee payer has signed
 * @param psbt              PSBT: the PSBT with this key's signatures added (finalized when asked), base64
 * @param signedInputs      PSBT: the indexes of the inputs this key signed
 * @param signatures        every threshold signature made, in order (one, or one per PSBT input)
 * @param historyProblem    why the signing history could not be written, or null when it was
 *                          (an EIP-7702 authorization's signed tuple is {@link #signedAuthorization()})
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
    /**
     * A BIP-322 signature without its variant prefix {@code smp}, for tools made before the final BIP (1.0.0)
     * added it, which read a simple signature without one; null for anything else.
     */
    public String signatureWithoutPrefix() {
        boolean simple = kind == PayloadKind.BTC_MESSAGE && signature != null && signature.startsWith(Bip322.SIMPLE);
        return simple ? signature.substring(Bip322.SIMPLE.length()) : null;
    }

    /**
     * For a message (raw, EIP-191, TIP-191, or for a Bitcoin address), what was signed as a person reads it: the text in quotes, or {@code 0x}
     * hex; null for other kinds, whose signed transaction or digest says what was signed.
     */
    public String messageShown() {
        boolean message = kind == PayloadKind.MESSAGE
                || kind == PayloadKind.ETH_MESSAGE
                || kind == PayloadKind.BTC_MESSAGE
                || kind == PayloadKind.TRON_MESSAGE;
        return message && payload != null ? Decoding.display(Hex.decodeTyped(payload, "payload")) : null;
    }

    /**
     * How the result names {@link #publicKey}, the key the signature verifies under: on a Taproot address that
     * is the tweaked output key, not the derived key the address pipeline shows as the internal key.
     */
    public String publicKeyLabel() {
        return curve == CurveName.SECP256K1_SCHNORR && address != null ? SignReview.OUTPUT_KEY : "Public key";
    }

    public PayloadResult {
        signers = List.copyOf(signers);
        signedInputs = signedInputs == null ? List.of() : List.copyOf(signedInputs);
        signatures = List.copyOf(signatures);
    }

    /**
     * An EIP-7702 authorization's signed tuple as an {@code authorizationList} entry takes it ({@link
     * SignedAuthorization#rpcFields()}), read from the signed payload and r, s, v; null for any other kind.
     */
    public Map<String, String> signedAuthorization() {
        if (kind != PayloadKind.ETH_AUTHORIZATION || payload == null || r == null || s == null || v == null) {
            return null;
        }
        Eip7702Authorization a = Eip7702Authorization.fromSigningPayload(Hex.decodeTyped(payload, "payload"));
        return new SignedAuthorization(
                        a,
                        BigInteger.valueOf(v),
                        new BigInteger(1, Hex.decodeTyped(r, "r")),
                        new BigInteger(1, Hex.decodeTyped(s, "s")))
                .rpcFields();
    }

    /** {@link #signedAuthorization()} as one line of JSON, as an {@code authorizationList} entry; else null. */
    public String signedAuthorizationJson() {
        Map<String, String> a = signedAuthorization();
        try {
            return a == null ? null : StrictJson.mapper().writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
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

    /**
     * The result's fields as {@code keyshard sign --json} names them (docs/cli.md, sign), in that order,
     * those that apply; {@code withKeyId} false leaves out the keyId (for a file that may travel).
     */
    public Map<String, Object> fields(boolean withKeyId) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (withKeyId) {
            o.put("keyId", keyId.toString());
        }
        o.put("curve", curve.apiName());
        o.put("scheme", scheme);
        o.put("derivationPath", derivationPath);
        o.put("publicKey", publicKey);
        o.put("address", address);
        o.put("signers", signers);
        o.put("payload", payload);
        o.put("digest", digest);
        o.put("signature", signature);
        o.put("r", r);
        o.put("s", s);
        o.put("v", v);
        o.put("der", der);
        o.put("signedTransaction", signedTransaction);
        o.put("txHash", txHash);
        o.put("psbt", psbt);
        o.put("authorization", signedAuthorization());
        o.values().removeIf(x -> x == null);
        return o;
    }
}
