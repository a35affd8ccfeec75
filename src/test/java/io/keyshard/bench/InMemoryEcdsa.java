package io.keyshard.bench;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.dkg.InMemoryDkg;
import io.keyshard.dkg.Round3Output;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.dkls.Pairs;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import io.keyshard.dkls.SignRequest;
import io.keyshard.dkls.Signer;
import io.keyshard.dkls.ZeroSharing;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor of a networked threshold-ECDSA signing: DKLs23 Protocol 3.6 among the signers in one
 * process, with no network, no sealing, no identity signatures and no audit. Each signer moves its share
 * by the path's tweak (as a node does), runs the three rounds, and the signature is combined and verified
 * once under the derived key, as the coordinator does (there with the standard verifiers). The pairwise OT seeds are dealt
 * (the one-time setup is not part of a signature); everything after them is the nodes' code.
 */
final class InMemoryEcdsa implements SignFloor {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Group g;
    private final Map<Integer, Scalar> shares;
    private final Map<Integer, Map<Integer, OtSeeds>> asSender = new HashMap<>();
    private final Map<Integer, Map<Integer, OtSeeds>> asReceiver = new HashMap<>();
    private final Map<Integer, ZeroSharing> zero = new HashMap<>();
    private final ExtendedPublicKey root;

    private InMemoryEcdsa(Group g, Map<Integer, Scalar> shares, ExtendedPublicKey root) {
        this.g = g;
        this.shares = shares;
        this.root = root;
        List<Integer> ids = new ArrayList<>(shares.keySet());
        Map<Integer, Map<Integer, byte[]>> seeds = new HashMap<>();
        for (int i : ids) {
            asSender.put(i, new HashMap<>());
            asReceiver.put(i, new HashMap<>());
            seeds.put(i, new HashMap<>());
        }
        for (int alice : ids) {
            for (int bob : ids) {
                if (alice < bob) {
                    byte[] seed = new byte[ZeroSharing.SEED_LENGTH];
                    RANDOM.nextBytes(seed);
                    seeds.get(alice).put(bob, seed);
                    seeds.get(bob).put(alice, seed);
                }
                if (alice != bob) {
                    OtSeeds[] pair = Pairs.dealt(RANDOM);
                    asSender.get(alice).put(bob, pair[0]);
                    asReceiver.get(bob).put(alice, pair[1]);
                }
            }
        }
        seeds.forEach((i, mine) -> zero.put(i, new ZeroSharing(i, mine)));
    }

    /** A key of {@code threshold} among {@code ids}, from the project's own key generation run in memory. */
    static InMemoryEcdsa keygen(CurveName curve, int threshold, List<Integer> ids) {
        InMemoryDkg.Run run = InMemoryDkg.run(curve, threshold, ids);
        Group g = Group.of(curve);
        Map<Integer, Scalar> shares = new HashMap<>();
        for (Map.Entry<Integer, Round3Output> e : run.outputs().entrySet()) {
            shares.put(e.getKey(), g.of(e.getValue().share().value()));
            e.getValue().share().destroy();
        }
        ExtendedPublicKey root = ExtendedPublicKey.root(
                curve, run.agreed().rootPublicKey(), run.agreed().chainCode());
        return new InMemoryEcdsa(g, shares, root);
    }

    @Override
    public void sign(DerivationPath path, List<Integer> signers, byte[] message) {
        DerivedKey derived = PublicDerivation.derive(root, path);
        Point key = derived.key().point();
        byte[] sid = new byte[32];
        RANDOM.nextBytes(sid);
        SignRequest req = new SignRequest(sid, signers, g.hash(message), key);
        Map<Integer, Signer> parties = new HashMap<>();
        for (int i : signers) {
            Scalar moved = shares.get(i).add(g.of(derived.tweak()));
            parties.put(i, new Signer(g, req, i, moved, zero.get(i), asSender.get(i), asReceiver.get(i), RANDOM));
            moved.destroy();
        }
        List<Commit> commits = new ArrayList<>();
        List<MulRequest> requests = new ArrayList<>();
        for (int i : signers) {
            Signer.Round1 one = parties.get(i).round1();
            commits.add(one.broadcast());
            requests.addAll(one.direct().values());
        }
        List<MulResponse> responses = new ArrayList<>();
        for (int i : signers) {
            List<MulRequest> mine = requests.stream().filter(m -> m.to() == i).toList();
            responses.addAll(parties.get(i).round2(commits, mine).values());
        }
        List<Partial> partials = new ArrayList<>();
        for (int i : signers) {
            List<MulResponse> mine = responses.stream().filter(m -> m.to() == i).toList();
            partials.add(parties.get(i).round3(mine));
        }
        // The coordinator's combination: R from the first signer, every partial checked, the signature verified.
        Signer.combine(g, req, parties.get(signers.get(0)).nonce(), partials);
        parties.values().forEach(Signer::destroy);
    }
}
