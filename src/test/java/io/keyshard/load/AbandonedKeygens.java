package io.keyshard.load;

import io.keyshard.client.NodeConnection;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.KeygenCoordinator;
import io.keyshard.dkg.Participant;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.SessionSetup;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Key generations a client starts and then walks away from (a crash, a closed laptop): round 1, or
 * rounds 1 and 2, on every server and never a word more. The servers hold these sessions in memory
 * only until their idle timeout; none may ever reach the share store.
 */
final class AbandonedKeygens {
    /** One abandoned keyId, when it was last touched, and how far it got. */
    record Abandoned(UUID keyId, long lastTouchedNanos, int rounds) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final List<NodeConnection> servers;
    private final SecureRandom random = new SecureRandom();
    final List<Abandoned> started = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    AbandonedKeygens(List<NodeConnection> servers) {
        this.servers = servers;
    }

    /** Starts one and abandons it after {@code rounds} (1 or 2) rounds. */
    void abandonAfter(int rounds, CurveName curve) {
        UUID keyId = UUID.randomUUID();
        try {
            List<Participant> participants = new ArrayList<>();
            for (NodeConnection c : servers) {
                participants.add(c.identity(TIMEOUT).join().participant());
            }
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            SessionSetup setup = new SessionSetup(keyId.toString(), nonce, curve.apiName(), 2, participants);
            List<Round1Message> r1 = new ArrayList<>();
            for (NodeConnection c : servers) {
                r1.add(c.keygen(keyId, "round1", setup, Round1Message.class, TIMEOUT)
                        .join());
            }
            if (rounds >= 2) {
                Round2Request req = new KeygenCoordinator(setup).round2Request(r1);
                for (NodeConnection c : servers) {
                    c.keygen(keyId, "round2", req, Round2Message.class, TIMEOUT).join();
                }
            }
            started.add(new Abandoned(keyId, System.nanoTime(), rounds));
        } catch (RuntimeException e) {
            Throwable t = NodeConnection.unwrap(e);
            failures.add("abandoned keygen could not start: " + t.getClass().getSimpleName() + ": " + t.getMessage());
        }
    }
}
