package io.keyshard.bench;

import io.keyshard.curve.CurveName;
import io.keyshard.pairwise.PairSeeds;
import io.keyshard.pairwise.SetupParty;
import io.keyshard.pairwise.TestIdentities;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The floor of a networked pairwise ECDSA setup: every server's {@link SetupParty} in one process, one after
 * the other, with no relay, no envelopes and no storage. By hand:
 * {@code java -cp <test class path> io.keyshard.bench.InMemorySetup [SECP256K1 [servers [rounds]]]}.
 */
final class InMemorySetup {
    private static final SecureRandom RANDOM = new SecureRandom();

    private InMemorySetup() {}

    /** Bytes of every setup message one full run exchanged. */
    static long run(CurveName curve, List<Integer> ids) {
        UUID keyId = UUID.randomUUID();
        UUID setupId = UUID.randomUUID();
        Map<Integer, SetupParty> parties = new TreeMap<>();
        for (int id : ids) {
            parties.put(id, new SetupParty(curve, setupId, id, TestIdentities.of(ids), RANDOM));
        }
        Map<Integer, Map<Integer, byte[]>> one = new TreeMap<>();
        parties.forEach((id, p) -> one.put(id, p.start()));
        Map<Integer, Map<Integer, byte[]>> two = new TreeMap<>();
        parties.forEach((id, p) -> two.put(id, p.answer(to(id, one))));
        parties.forEach((id, p) -> p.finish(to(id, two)).values().forEach(PairSeeds::destroy));
        return bytes(one) + bytes(two);
    }

    private static long bytes(Map<Integer, Map<Integer, byte[]>> sent) {
        long n = 0;
        for (Map<Integer, byte[]> m : sent.values()) {
            for (byte[] b : m.values()) {
                n += b.length;
            }
        }
        return n;
    }

    private static Map<Integer, byte[]> to(int id, Map<Integer, Map<Integer, byte[]>> sent) {
        Map<Integer, byte[]> out = new HashMap<>();
        sent.forEach((from, msgs) -> {
            if (msgs.containsKey(id)) {
                out.put(from, msgs.get(id));
            }
        });
        return out;
    }

    public static void main(String[] args) {
        CurveName curve = args.length > 0 ? CurveName.valueOf(args[0]) : CurveName.SECP256K1;
        int servers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            ids.add(i);
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long cpu0 = Samples.cpuNanos();
            long bytes = run(curve, ids);
            // thread CPU as well as wall time: on a loaded machine waiting for a core is not the setup's cost
            System.out.printf(
                    "%s %d servers: %.1f ms, %.1f ms CPU, %d bytes%n",
                    curve, servers, (System.nanoTime() - t0) / 1e6, (Samples.cpuNanos() - cpu0) / 1e6, bytes);
        }
    }
}
