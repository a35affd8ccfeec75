package io.keyshard.faults;

import io.keyshard.client.SignRequest;
import io.keyshard.client.Workspace;
import io.keyshard.derive.DerivationPath;
import io.keyshard.dkls.Group;
import io.keyshard.node.SetupAccess;
import io.keyshard.pairwise.SeedCheck;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.wire.SetupStatus;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold of the threshold-ECDSA pairwise setups after an ECDSA {@link SignKillStress} run. A pair belongs to
 * two servers and a curve, and the pairs of one key may come from different setups (each made for whichever key
 * first needed it). With the nodes stopped, every pair a node lists for a key loads whole under the setup id it
 * lists (its seeds open and check), none is burned, and a key's status is COMPLETE only with both pairs; after a
 * restart every key signs (a pair a kill left half done is set up again) and then both ends of every pair hold the
 * same setup with correlated seeds. Violations go to the run's list.
 */
final class EcdsaSetupChecks {
    private final SignKillStress run;

    EcdsaSetupChecks(SignKillStress run) {
        this.run = run;
    }

    /** Runs the checks (stopping, starting and stopping the nodes); returns how many setups had to be run again. */
    int run() throws Exception {
        stopAll();
        checkSetups(false);
        run.nodes.startAll();
        int redone = signEveryKeyAgain();
        stopAll();
        checkSetups(true);
        return redone;
    }

    private void stopAll() throws Exception {
        for (String name : NodeProcesses.NAMES) {
            run.nodes.stop(name);
        }
    }

    private List<KeyRecord> readyKeys() {
        try (Vault vault = run.openVault()) {
            return SignKillStress.ready(vault);
        }
    }

    /**
     * On every stopped node, every pair listed for each key loads under the setup id listed for it, none burned;
     * with {@code settled}, every key's pairs are all there and both ends of each hold one setup, correlated.
     */
    private void checkSetups(boolean settled) throws Exception {
        for (KeyRecord k : readyKeys()) {
            Map<Integer, SetupAccess.Held> held = new LinkedHashMap<>();
            for (String name : NodeProcesses.NAMES) {
                SetupAccess.Held h = SetupAccess.read(run.nodes.data(name), k.keyId());
                held.put(11 + NodeProcesses.NAMES.indexOf(name), h);
                SetupStatus.State state = h.status().state();
                boolean whole = h.refused().isEmpty()
                        && (state == SetupStatus.State.NONE
                                || (state == SetupStatus.State.COMPLETE
                                        && h.pairs().size() == 2));
                if (!whole || (settled && state != SetupStatus.State.COMPLETE)) {
                    run.violations.add(name + " holds a setup of " + k.curve() + " key that is " + state + " with "
                            + h.pairs().size() + " pairs and refuses " + h.refused());
                }
                h.pairs().forEach((peer, p) -> {
                    if (!p.setupId().toString().equals(h.status().pairs().get(peer))) {
                        run.violations.add(name + " loads its pair with server " + peer
                                + " from another setup than the one its status lists");
                    }
                });
            }
            if (settled) {
                checkCorrelated(k, held);
            }
        }
    }

    private void checkCorrelated(KeyRecord k, Map<Integer, SetupAccess.Held> held) {
        for (int i : held.keySet()) {
            for (int j : held.keySet()) {
                if (i == j
                        || held.get(i).pairs().get(j) == null
                        || held.get(j).pairs().get(i) == null) {
                    continue;
                }
                if (!held.get(i)
                                .pairs()
                                .get(j)
                                .setupId()
                                .equals(held.get(j).pairs().get(i).setupId())
                        || !SeedCheck.correlated(
                                k.curve(),
                                i,
                                held.get(i).pairs().get(j).asSender(),
                                j,
                                held.get(j).pairs().get(i).asReceiver())) {
                    run.violations.add("servers " + i + " and " + j + " hold setups that do not work together");
                }
            }
        }
    }

    /** Each key signs once more, on every pair of servers: a setup a kill left half done is run again. */
    private int signEveryKeyAgain() {
        int redone = 0;
        SecureRandom r = new SecureRandom();
        try (Vault vault = run.openVault();
                Workspace ws = run.workspace(vault)) {
            for (KeyRecord k : SignKillStress.ready(vault)) {
                if (ws.ecdsaSetup(k.keyId()).promise().join().ran()) {
                    redone++;
                }
                byte[] digest = new byte[Group.of(k.curve()).digestLength()]; // the curve's hash length
                r.nextBytes(digest);
                try {
                    ws.sign(new SignRequest(k.keyId(), DerivationPath.ROOT, null, digest, null, null, null, true))
                            .promise()
                            .join();
                } catch (RuntimeException e) {
                    run.violations.add("a " + k.curve() + " key does not sign after the run: " + e.getMessage());
                }
            }
        }
        return redone;
    }
}
