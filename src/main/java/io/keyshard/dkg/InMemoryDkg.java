package io.keyshard.dkg;

import io.keyshard.curve.CurveName;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole protocol in one process with no network: fresh identities for the given ids, every
 * participant and the coordinator driven round by round. The floor the networked keygen is
 * benchmarked against, and the tests' way to get real shares.
 */
public final class InMemoryDkg {
    private InMemoryDkg() {}

    /** Everything a run produced: the agreed public key and each server's output, keyed by id. */
    public record Run(Session session, AgreedKey agreed, Map<Integer, Round3Output> outputs) {}

    /** Runs a key generation among servers {@code OFFICIAL_1..3} for ids 1..3 and {@code SERVER_<id>} otherwise. */
    public static Run run(CurveName curve, int threshold, List<Integer> ids) {
        SecureRandom random = new SecureRandom();
        Map<Integer, IdentityKeys> identities = new LinkedHashMap<>();
        List<Participant> participants = new ArrayList<>();
        for (int id : ids) {
            IdentityKeys keys = IdentityKeys.generate(random);
            identities.put(id, keys);
            participants.add(keys.participant(nameFor(id), id));
        }
        byte[] nonce = new byte[Session.NONCE_LENGTH];
        random.nextBytes(nonce);
        SessionSetup setup =
                new SessionSetup(UUID.randomUUID().toString(), nonce, curve.apiName(), threshold, participants);
        KeygenCoordinator coordinator = new KeygenCoordinator(setup);
        List<DkgParticipant> servers = new ArrayList<>();
        for (Participant p : participants) {
            servers.add(DkgParticipant.create(setup, p.name(), p.id(), identities.get(p.id()), random));
        }
        List<Round1Message> r1 = new ArrayList<>();
        servers.forEach(s -> r1.add(s.round1()));
        Round2Request req2 = coordinator.round2Request(r1);
        List<Round2Message> r2 = new ArrayList<>();
        servers.forEach(s -> r2.add(s.round2(req2)));
        Round3Request req3 = coordinator.round3Request(r2);
        Map<Integer, Round3Output> outputs = new LinkedHashMap<>();
        List<Round3Message> results = new ArrayList<>();
        for (DkgParticipant s : servers) {
            Round3Output out = s.round3(req3);
            outputs.put(out.share().id(), out);
            results.add(out.message());
        }
        AgreedKey agreed = coordinator.finish(results);
        identities.values().forEach(IdentityKeys::destroy);
        return new Run(coordinator.session(), agreed, outputs);
    }

    /** The server name the in-memory run gives an id: the official names for 1..3. */
    public static String nameFor(int id) {
        return id >= 1 && id < ServerIds.FIRST_CUSTOM_ID ? "OFFICIAL_" + id : "SERVER_" + id;
    }
}
