package io.keyshard.client;

import io.keyshard.client.SigningReadiness.State;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.SetupStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asks every server of a READY ECDSA key where its pairwise setup stands ({@code GET .../ecdsa-setup}, all at once)
 * and says whether the key signs at once: the rule is {@link EcdsaSetupRun#unready}'s, every pair of its servers with
 * the same unburned setup at both ends (a pair set up for another key of the same servers counts).
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
        Map<Integer, SetupStatus> statuses = new TreeMap<>();
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<SetupStatus>> e : asked.entrySet()) {
            try {
                statuses.put(servers.get(e.getKey()).info().id(), e.getValue().join());
            } catch (CompletionException ex) {
                silent.add(e.getKey());
            }
        }
        boolean answeredReady = EcdsaSetupRun.unready(statuses).isEmpty();
        if (answeredReady && silent.isEmpty()) {
            return SigningReadiness.of(State.READY);
        }
        if (!silent.isEmpty() && (statuses.isEmpty() || answeredReady)) {
            // the pairs among the servers that answered are ready: whether the others are too is not known
            boolean local =
                    silent.stream().anyMatch(name -> servers.get(name).info().local());
            return new SigningReadiness(
                    State.UNKNOWN,
                    String.join(", ", silent) + (silent.size() == 1 ? " does" : " do") + " not answer"
                            + (local
                                    ? " (a share check, Check shares in the app or keys check, starts the local servers)"
                                    : ": a share check asks again once it is back"));
        }
        return SigningReadiness.of(State.ON_FIRST_USE);
    }
}
