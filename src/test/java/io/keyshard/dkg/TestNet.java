package io.keyshard.dkg;

import io.keyshard.curve.CurveName;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A key generation among in-process servers that a test can drive message by message, so it can
 * play a misbehaving server or relay: re-sign tampered messages with a server's real identity key,
 * show different servers different lists.
 */
final class TestNet {
    static final SecureRandom RANDOM = new SecureRandom();

    final SessionSetup setup;
    final Session session;
    final Map<Integer, IdentityKeys> identities;
    final Map<Integer, DkgParticipant> servers = new LinkedHashMap<>();

    private TestNet(SessionSetup setup, Map<Integer, IdentityKeys> identities) {
        this.setup = setup;
        this.session = Session.of(setup);
        this.identities = identities;
        for (Participant p : session.participants()) {
            servers.put(p.id(), DkgParticipant.create(setup, p.name(), p.id(), identities.get(p.id()), RANDOM));
        }
    }

    static TestNet create(CurveName curve, int threshold, int... ids) {
        Map<Integer, IdentityKeys> identities = new LinkedHashMap<>();
        for (int id : ids) {
            identities.put(id, IdentityKeys.generate(RANDOM));
        }
        return new TestNet(setupFor(curve, threshold, identities), identities);
    }

    /** Another session among the same servers (same identities, fresh keyId and nonce). */
    TestNet sibling() {
        return new TestNet(setupFor(session.curveName(), session.threshold(), identities), identities);
    }

    static SessionSetup setupFor(CurveName curve, int threshold, Map<Integer, IdentityKeys> identities) {
        List<Participant> ps = new ArrayList<>();
        identities.forEach((id, k) -> ps.add(k.participant(InMemoryDkg.nameFor(id), id)));
        byte[] nonce = new byte[Session.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return new SessionSetup(UUID.randomUUID().toString(), nonce, curve.apiName(), threshold, ps);
    }

    DkgParticipant server(int id) {
        return servers.get(id);
    }

    /** A second, independent instance of server {@code id} in the same session: a way to equivocate. */
    DkgParticipant twin(int id) {
        return DkgParticipant.create(setup, InMemoryDkg.nameFor(id), id, identities.get(id), RANDOM);
    }

    List<Round1Message> round1() {
        List<Round1Message> out = new ArrayList<>();
        servers.values().forEach(s -> out.add(s.round1()));
        return out;
    }

    List<Round2Message> round2(List<Round1Message> r1) {
        List<Round2Message> out = new ArrayList<>();
        servers.values().forEach(s -> out.add(s.round2(new Round2Request(r1))));
        return out;
    }

    /** Replaces server {@code id}'s message in a list. */
    static <T> List<T> replace(List<T> list, int index, T message) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, message);
        return copy;
    }

    int index(int id) {
        return session.participants().indexOf(session.participant(id));
    }

    /** Round-1 message re-signed by {@code signer} after tampering. */
    Round1Message sign(Round1Message m, int signer) {
        return Forge.sign(m, identities.get(signer));
    }

    Round2Message sign(Round2Message m, int signer) {
        return Forge.sign(m, identities.get(signer));
    }

    Round3Message sign(Round3Message r, int signer) {
        return Forge.sign(r, identities.get(signer));
    }
}
