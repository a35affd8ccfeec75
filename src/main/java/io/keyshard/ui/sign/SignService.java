package io.keyshard.ui.sign;

import io.keyshard.bytes.Hex;
import io.keyshard.client.Operation;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.SignRequest;
import io.keyshard.client.SignResult;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.SignedPayload;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** What the Sign stage asks of the unlocked vault's {@link Workspace}; tests put a pause or a fault in between. */
public interface SignService {
    /** The curves whose keys {@link Workspace#sign} takes today (it refuses the others at once). */
    Set<CurveName> SIGNING_CURVES = Set.of(CurveName.ED25519, CurveName.ED448, CurveName.SECP256K1_SCHNORR);

    /** Starts a signing; see {@link Workspace#sign}. */
    Operation<SignResult> sign(SignRequest request);

    /** Every configured server's health, local ones started first if they do not answer (blocks). */
    List<ServerStatus> servers() throws IOException;

    /** Adds a message signature to the key's sealed signing history (blocks). */
    void record(SignResult result, byte[] message);

    /** Why {@code key} cannot sign here yet, or null when it can. */
    default String refusal(KeyRecord key) {
        if (SIGNING_CURVES.contains(key.curve())) {
            return null;
        }
        return "Signing is not available yet for " + key.curve().apiName() + " keys: threshold ECDSA is on its way. "
                + "ED25519, ED448 and SECP256K1_SCHNORR keys sign today. The addresses of this key work already.";
    }

    /** The service of an unlocked vault's workspace. */
    static SignService of(Workspace workspace) {
        return new SignService() {
            @Override
            public Operation<SignResult> sign(SignRequest request) {
                return workspace.sign(request);
            }

            @Override
            public List<ServerStatus> servers() throws IOException {
                return workspace.checkServers(true);
            }

            @Override
            public void record(SignResult r, byte[] message) {
                workspace.recordSignature(
                        r.keyId(),
                        r.signedAt(),
                        Hex.decode(r.messageSha256(), "messageSha256"),
                        r.derivationPath(),
                        r.address(),
                        r.signers(),
                        Hex.decode(r.signature(), "signature"),
                        SignedPayload.MESSAGE,
                        "message of " + message.length + " bytes (SHA-256 shown)");
            }
        };
    }
}
