package io.keyshard.ui.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.ServerStatus;
import io.keyshard.curve.CurveName;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the Servers screen says of one server: its state, and which of the vault's keys still sign without it. */
class ServerDetailsTest {
    private static final String PIN = "ab".repeat(32);

    @Test
    void eachStateReadsAsWhatToDo() {
        assertEquals(
                "Answering over its pinned TLS connection, in 12 ms.",
                ServerDetails.state(
                        new ServerStatus("OFFICIAL_1", "https://127.0.0.1:1", 1, PIN, true, true, 12L, null)));
        assertEquals(
                "Not created yet: the local cluster makes it with the first key.",
                ServerDetails.state(ServerStatus.notStarted("OFFICIAL_3", 3)));
        assertTrue(ServerDetails.state(new ServerStatus(
                        "OFFICIAL_2", "https://127.0.0.1:2", 2, PIN, true, false, null, ServerStatus.STOPPED))
                .startsWith("Stopped: nothing listens at its address. Start above starts it"));
        String problem = "server REMOTE_A: unreachable at https://10.0.0.7:7443 (connection refused: is it running?)";
        assertEquals(
                "Not answering: " + problem,
                ServerDetails.state(
                        new ServerStatus("REMOTE_A", "https://10.0.0.7:7443", 4, PIN, false, false, null, problem)));
    }

    @Test
    void onlyReadyKeysOnTheServerAreListedAndAllOfNKeysNeedIt() {
        ServerStatus remote = new ServerStatus("REMOTE_A", "https://10.0.0.7:7443", 4, PIN, false, true, 30L, null);
        List<KeyRecord> keys = List.of(
                key("Savings", 2, KeyStatus.READY, "OFFICIAL_1", "OFFICIAL_2", "REMOTE_A"),
                key("", 3, KeyStatus.READY, "OFFICIAL_1", "OFFICIAL_2", "REMOTE_A"),
                key("Cold", 2, KeyStatus.FAILED, "OFFICIAL_1", "REMOTE_A", "OFFICIAL_3"),
                key("Local only", 2, KeyStatus.READY, "OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"));
        ServerDetails d = ServerDetails.of(remote, keys, null);
        assertEquals("Remote", d.where());
        assertNull(d.log());
        assertEquals(2, d.keys().size(), d.keys().toString());
        ServerDetails.KeyUse savings = d.keys().get(0);
        assertEquals("Savings", savings.key());
        assertTrue(savings.signsWithout());
        assertEquals("SECP256k1 · 2 of 3 · can sign without it: its other 2 servers are enough", savings.line());
        ServerDetails.KeyUse allOf = d.keys().get(1);
        assertEquals("SECP256k1 key 00000000", allOf.key());
        assertFalse(allOf.signsWithout());
        assertEquals("3 of 3 · needs it to sign: all 3 must sign together", allOf.line());
        assertEquals(
                "2 ready keys hold a share on REMOTE_A; SECP256k1 key 00000000 needs it to sign.", d.keysSummary());
    }

    @Test
    void theSummaryCountsKeysThatSignWithoutItAndSaysWhenThereAreNone() {
        ServerStatus one = new ServerStatus("OFFICIAL_1", "https://127.0.0.1:1", 1, PIN, true, true, 3L, null);
        assertEquals(
                "No ready key in this vault holds a share on OFFICIAL_1.",
                ServerDetails.of(one, List.of(), null).keysSummary());
        KeyRecord a = key("A", 2, KeyStatus.READY, "OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3");
        assertEquals(
                "1 ready key holds a share on OFFICIAL_1 and can sign without it, with its other servers.",
                ServerDetails.of(one, List.of(a), null).keysSummary());
        assertEquals(
                "2 ready keys hold a share on OFFICIAL_1; each can sign without it, with its other servers.",
                ServerDetails.of(one, List.of(a, a), null).keysSummary());
        assertEquals(
                "This computer (the local cluster)",
                ServerDetails.of(one, List.of(), null).where());
    }

    @Test
    void manyKeysAreCountedAndThoseThatNeedTheServerComeFirst() {
        ServerStatus one = new ServerStatus("OFFICIAL_1", "https://127.0.0.1:1", 1, PIN, true, true, 3L, null);
        List<KeyRecord> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(key("two-" + i, 2, KeyStatus.READY, "OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"));
        }
        for (int i = 0; i < 7; i++) {
            keys.add(key("all-" + i, 3, KeyStatus.READY, "OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3"));
        }
        ServerDetails d = ServerDetails.of(one, keys, null);
        assertEquals(
                "27 ready keys hold a share on OFFICIAL_1; all-0, all-1, all-2, all-3, all-4 and 2 more need it to "
                        + "sign.",
                d.keysSummary());
        assertEquals(ServerDetails.KEYS_LISTED, d.listedKeys().size());
        assertEquals(27 - ServerDetails.KEYS_LISTED, d.keysNotListed());
        assertEquals(
                List.of("all-0", "all-1", "all-2", "all-3", "all-4", "all-5", "all-6", "two-0"),
                d.listedKeys().subList(0, 8).stream()
                        .map(ServerDetails.KeyUse::key)
                        .toList(),
                "the keys that cannot sign without the server are listed first");
    }

    private static KeyRecord key(String label, int t, KeyStatus status, String... servers) {
        return new KeyRecord(
                UUID.fromString("00000000-0000-4000-8000-00000000000" + t),
                label,
                CurveName.SECP256K1,
                t,
                List.of(servers),
                status == KeyStatus.READY ? "02" + "ab".repeat(32) : null,
                status == KeyStatus.READY ? "cd".repeat(32) : null,
                Map.of(),
                CurveName.SECP256K1.curve().derivationScheme(),
                status,
                status == KeyStatus.FAILED ? "server REMOTE_A did not answer" : null,
                Instant.now());
    }
}
