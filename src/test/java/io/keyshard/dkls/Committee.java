package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import io.keyshard.pairwise.PairSeeds;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A t-of-n key Shamir-split in memory with every pair's OT and zero-sharing setup, for signing tests. */
final class Committee {
    final Group g;
    Point publicKey;
    final Map<Integer, Scalar> shares = new HashMap<>();
    final Map<Integer, Map<Integer, OtSeeds>> asSender = new HashMap<>();
    final Map<Integer, Map<Integer, OtSeeds>> asReceiver = new HashMap<>();
    final Map<Integer, ZeroSharing> zero;
    final TestRandom random;

    /** Hooks that change messages on the way, to play a cheating peer or relay. */
    UnaryOperator<List<Commit>> onCommits = UnaryOperator.identity();

    UnaryOperator<MulResponse> onResponse = UnaryOperator.identity();
    UnaryOperator<Partial> onPartial = UnaryOperator.identity();
    /** When set, every message is encoded and strictly decoded on its way. */
    DklsCodec wire;
    /** With {@link #wire}: every encoded message of the last signing, by round, sender and recipient. */
    final Map<String, byte[]> sent = new TreeMap<>();
    /** The last signing's request, nonce point R and round-3 broadcasts, as a coordinator would combine them. */
    SignRequest lastRequest;

    Point lastNonce;
    List<Partial> lastPartials;

    Committee(Group g, int t, int n, boolean realBaseOt, String label) {
        this.g = g;
        this.random = new TestRandom(label);
        BigInteger q = g.order();
        BigInteger[] coeffs = new BigInteger[t];
        for (int k = 0; k < t; k++) {
            coeffs[k] = g.random(random).toBigInteger();
        }
        this.publicKey = g.curve().multiplyBase(coeffs[0]);
        for (int i = 1; i <= n; i++) {
            BigInteger y = BigInteger.ZERO;
            for (int k = t - 1; k >= 0; k--) {
                y = y.multiply(BigInteger.valueOf(i)).add(coeffs[k]).mod(q);
            }
            shares.put(i, g.of(y));
            asSender.put(i, new HashMap<>());
            asReceiver.put(i, new HashMap<>());
        }
        for (int alice = 1; alice <= n; alice++) {
            for (int bob = 1; bob <= n; bob++) {
                if (alice != bob) {
                    OtSeeds[] pair = realBaseOt ? Pairs.setup(g, alice, bob, random) : Pairs.dealt(random);
                    asSender.get(alice).put(bob, pair[0]);
                    asReceiver.get(bob).put(alice, pair[1]);
                }
            }
        }
        this.zero = ZeroSharingTest.agreeAll(n, random);
    }

    /**
     * Makes this committee sign for the key shifted by δ·G, as a derived key signs (section 13.2): every share
     * shifted by δ is a Shamir sharing of x + δ.
     */
    void derive(Scalar delta) {
        publicKey = publicKey.add(g.base(delta));
        shares.replaceAll((i, x) -> x.add(delta));
    }

    /** Replaces every pair's OT and zero-sharing seeds with those a pairwise setup gave each server for each peer. */
    void useSetups(Map<Integer, Map<Integer, PairSeeds>> byServer) {
        byServer.forEach((i, pairs) -> {
            Map<Integer, byte[]> zeroSeeds = new HashMap<>();
            pairs.forEach((j, p) -> {
                asSender.get(i).put(j, p.asSender());
                asReceiver.get(i).put(j, p.asReceiver());
                zeroSeeds.put(j, p.zeroSeed());
            });
            zero.put(i, new ZeroSharing(i, zeroSeeds));
        });
    }

    /** Runs the three rounds among the signers and returns each signer's result. */
    Map<Integer, EcdsaSignature> sign(List<Integer> signers, byte[] digest, String session) {
        SignRequest req = new SignRequest(session.getBytes(StandardCharsets.US_ASCII), signers, digest, publicKey);
        Map<Integer, Signer> parties = new HashMap<>();
        for (int i : signers) {
            parties.put(
                    i, new Signer(g, req, i, shares.get(i), zero.get(i), asSender.get(i), asReceiver.get(i), random));
        }
        sent.clear();
        List<Commit> commits = new ArrayList<>();
        List<MulRequest> requests = new ArrayList<>();
        for (int i : signers) {
            Signer.Round1 r1 = parties.get(i).round1();
            commits.add(
                    wire == null ? r1.broadcast() : wire.decodeCommit(log("1 " + i, wire.encode(r1.broadcast())), i));
            for (MulRequest m : r1.direct().values()) {
                requests.add(wire == null ? m : wire.decodeMulRequest(log("1 " + i + ">" + m.to(), wire.encode(m)), i));
            }
        }
        List<MulResponse> responses = new ArrayList<>();
        for (int i : signers) {
            List<MulRequest> mine = requests.stream().filter(m -> m.to() == i).toList();
            for (MulResponse m :
                    parties.get(i).round2(onCommits.apply(commits), mine).values()) {
                responses.add(
                        wire == null ? m : wire.decodeMulResponse(log("2 " + i + ">" + m.to(), wire.encode(m)), i));
            }
        }
        List<Partial> partials = new ArrayList<>();
        for (int i : signers) {
            List<MulResponse> mine =
                    responses.stream().filter(m -> m.to() == i).map(onResponse).toList();
            Partial p = onPartial.apply(parties.get(i).round3(mine));
            partials.add(wire == null ? p : wire.decodePartial(log("3 " + i, wire.encode(p)), i));
        }
        Map<Integer, EcdsaSignature> out = new HashMap<>();
        for (int i : signers) {
            out.put(i, parties.get(i).finish(partials));
        }
        lastRequest = req;
        lastNonce = parties.get(signers.get(0)).nonce();
        lastPartials = partials;
        return out;
    }

    private byte[] log(String key, byte[] encoded) {
        sent.put(key, encoded);
        return encoded;
    }
}
