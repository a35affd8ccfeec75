package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.bytes.Hex;
import io.keyshard.client.KeyHealth.ServerShare;
import io.keyshard.client.KeyHealth.Share;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.Round3Message;
import io.keyshard.vault.KeyRecord;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.KeyStatusAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** How servers' answers make a key's health: a loss is an answer; silence is never counted as one. */
class KeyHealthTest {
    private static KeyHealth of(int t, Share... shares) {
        List<ServerShare> servers = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            servers.add(new ServerShare("S" + i, shares[i], "x"));
        }
        return KeyHealth.of(UUID.randomUUID(), "k", t, servers);
    }

    @Test
    void statesFollowLossesAndTheThreshold() {
        assertEquals(
                KeyHealth.State.HEALTHY,
                of(2, Share.HELD, Share.HELD, Share.HELD).state());
        assertEquals(1, of(2, Share.HELD, Share.HELD, Share.HELD).canStillLose());
        KeyHealth degraded = of(2, Share.HELD, Share.LOST, Share.HELD);
        assertEquals(KeyHealth.State.DEGRADED, degraded.state());
        assertEquals(0, degraded.canStillLose());
        assertEquals(List.of("S1"), degraded.serversWith(Share.LOST));
        assertTrue(degraded.summary().startsWith("S1 lost its share"), degraded.summary());
        assertEquals(
                KeyHealth.State.UNUSABLE,
                of(3, Share.HELD, Share.LOST, Share.HELD).state());
        assertEquals(
                KeyHealth.State.UNUSABLE,
                of(2, Share.LOST, Share.LOST, Share.UNKNOWN).state());
        assertEquals(
                KeyHealth.State.DEGRADED,
                of(2, Share.HELD, Share.LOST, Share.UNKNOWN).state(),
                "usable if the silent server still holds its share");
        KeyHealth silent = of(2, Share.HELD, Share.UNKNOWN, Share.HELD);
        assertEquals(KeyHealth.State.UNKNOWN, silent.state(), "no answer is not a loss");
        assertTrue(silent.summary().contains("not counted as lost"), silent.summary());
    }

    @Test
    void aServerWhoseResultIsNotTheVaultsKeyHoldsNoShareOfIt() {
        String root = "02" + "ab".repeat(32);
        String chainCode = "cd".repeat(32);
        KeyRecord key = KeyRecord.pending(
                        UUID.randomUUID(), "k", CurveName.SECP256K1, 2, List.of("ALPHA", "BRAVO"), Instant.now())
                .ready(root, chainCode, Map.of("ALPHA", "02", "BRAVO", "03"));

        assertEquals(
                Share.HELD,
                KeyHealthCheck.judge("ALPHA", key, ready(root, chainCode)).share());
        ServerShare otherKey = KeyHealthCheck.judge("ALPHA", key, ready("03" + "ab".repeat(32), chainCode));
        assertEquals(Share.LOST, otherKey.share());
        assertEquals("holds a share of another key under this keyId", otherKey.detail());
        ServerShare otherChainCode = KeyHealthCheck.judge("ALPHA", key, ready(root, "ce".repeat(32)));
        assertEquals(Share.LOST, otherChainCode.share(), "another chain code derives other keys and addresses");
        assertTrue(otherChainCode.detail().contains("another chain code"), otherChainCode.detail());
    }

    /** A READY answer carrying a result with this root public key and chain code (the rest is not judged). */
    private static KeyStatusAnswer ready(String root, String chainCode) {
        Round3Message result = new Round3Message(
                new byte[32],
                1,
                "SECP256K1",
                2,
                Hex.decode(root, "root"),
                Hex.decode(chainCode, "chain code"),
                Map.of(1, new byte[33]),
                new byte[32],
                new byte[64]);
        return new KeyStatusAnswer(KeyState.READY, "SECP256K1", null, null, result);
    }

    @Test
    void aServerThatCannotBeReachedMakesItsKeysUnknownNotLost() {
        KeyRecord key = KeyRecord.pending(
                        UUID.randomUUID(), "k", CurveName.SECP256K1, 2, List.of("ALPHA", "BRAVO"), Instant.now())
                .ready("02" + "ab".repeat(32), "cd".repeat(32), Map.of("ALPHA", "02", "BRAVO", "03"));
        KeyHealthCheck check = new KeyHealthCheck(
                names -> {
                    throw new KeygenException(
                            names.get(0), "server " + names.get(0) + ": connection refused", ExitCoded.SERVER, null);
                },
                Workspace.KEY_HEALTH_TIMEOUT,
                Executors.newCachedThreadPool());
        KeyHealth h = check.run(List.of(key)).get(0);
        assertEquals(KeyHealth.State.UNKNOWN, h.state());
        assertEquals(List.of("ALPHA", "BRAVO"), h.serversWith(Share.UNKNOWN));
        assertEquals("connection refused", h.servers().get(0).detail(), "the reason, without the server prefix");
    }
}
