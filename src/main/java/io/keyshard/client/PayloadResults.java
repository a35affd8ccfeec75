package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.payload.evm.EvmSignature;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds a {@link PayloadResult} from the threshold signatures made, with the fields one kind fills. */
final class PayloadResults {
    private PayloadResults() {}

    /** The fields a kind adds to what every result carries. */
    record Output(
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
            List<Integer> signedInputs) {
        /** A signature over a message or digest with nothing else. */
        static Output signature(String payload, String digest, String signature) {
            return new Output(payload, digest, signature, null, null, null, null, null, null, null, null);
        }

        /** An ECDSA signature over a message or digest, with its parts (r, s, recovery id, DER) and nothing else. */
        static Output signature(
                String payload, String digest, String signature, String r, String s, Integer v, String der) {
            return new Output(payload, digest, signature, r, s, v, der, null, null, null, null);
        }
    }

    static PayloadResult of(PayloadKind kind, List<SignResult> all, Output o) {
        SignResult first = all.get(0);
        Set<String> signers = new LinkedHashSet<>();
        all.forEach(r -> signers.addAll(r.signers()));
        return new PayloadResult(
                kind,
                first.keyId(),
                first.curve(),
                first.scheme(),
                first.derivationPath(),
                first.publicKey(),
                first.address(),
                List.copyOf(signers),
                o.payload(),
                o.digest(),
                o.signature(),
                o.r(),
                o.s(),
                o.v(),
                o.der(),
                o.signedTransaction(),
                o.txHash(),
                o.psbt(),
                o.signedInputs(),
                all,
                null);
    }

    /**
     * The ECDSA result with s made low, as EIP-2 and standard Bitcoin verification take it; negating s flips
     * R's parity, so the recovery id follows. A result without r, s and recovery id is refused.
     */
    static EvmSignature lowS(SignResult res) {
        if (res.r() == null || res.s() == null || res.recoveryId() == null) {
            throw rejected("the signing returned no ECDSA r, s and recovery id");
        }
        return new EvmSignature(new BigInteger(res.r(), 16), new BigInteger(res.s(), 16), res.recoveryId())
                .normalized();
    }

    /** A result that fails the chain's check: never returned, reported as a protocol failure. */
    static KeygenException rejected(String what) {
        return new KeygenException(
                null, "signing failed: " + what + "; the result is not returned", ExitCoded.PROTOCOL, null);
    }
}
