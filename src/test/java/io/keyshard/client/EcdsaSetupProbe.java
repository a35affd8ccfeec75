package io.keyshard.client;

import io.keyshard.vault.KeyRecord;
import java.util.UUID;

/** A fresh pairwise setup of a READY ECDSA key on all its servers, whatever they hold: for the benchmarks. */
public final class EcdsaSetupProbe {
    private EcdsaSetupProbe() {}

    /** Runs a new setup now (not {@link Workspace#ecdsaSetup}, which keeps a complete one) and gives its time and bytes. */
    public static EcdsaSetupResult fresh(Workspace ws, UUID keyId) {
        KeyRecord key = ws.key(keyId).orElseThrow();
        return new EcdsaSetupRun(key, ws.signConnections(key), new Operation<>(), Workspace.DEFAULT_ROUND_TIMEOUT)
                .run();
    }
}
