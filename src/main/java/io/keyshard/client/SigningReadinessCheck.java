package io.keyshard.client;

import io.keyshard.client.SigningReadiness.State;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.SetupStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asks every server of a READY ECDSA key where its pairwise setup stands ({@code GET .../ecdsa-setup}, all at once)
 * and says whether the key signs at once: the rule is {@link EcdsaSetupRun}'s, the same complete setup everywhere.
 */
final class SigningReadinessCheck {
    private SigningReadinessCheck() {}

    /** {@code servers}: the connections there are for the key's servers (a missing one makes the state unknown). */
    static SigningReadiness ask(KeyRecord key, Map<String, NodeConnection> servers, Duration timeout) {
        Map<String, CompletableFuture<SetupStatus>> asked = new LinkedHashMap<>();
        for (String name : key.servers()) {
            NodeConnection c = servers.get(name);
            if (c == null) {
                return new SigningReadiness(State.UNKNOWN, "server " + name + " is not in the servers configuration");
            }
            asked.put(name, c.ecdsaSetupStatus(key.keyId(), timeout));
        }
        List<SetupStatus> statuses = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<SetupStatus>> e : asked.entrySet()) {
            try {
                statuses.add(e.getValue().join());
            } catch (CompletionException ex) {
                silent.add(e.getKey());
            }
        }
        boolean sameComplete = EcdsaSetupRun.sameCompleteSetup(statuses) != null;
        if (sameComplete && silent.isEmpty()) {
            return SigningReadiness.of(State.READY);
        }
        if (!silent.isEmpty() && (statuses.isEmpty() || sameComplete)) {
            // the servers that answered all hold one setup: whether the others do too is not known
            return new SigningReadiness(
                    State.UNKNOWN,
                    String.join(", ", silent) + (silent.size() == 1 ? " does" : " do")
                            + " not answer (keys check starts the local servers)");
        }
        return SigningReadiness.of(State.ON_FIRST_USE);
    }
}
