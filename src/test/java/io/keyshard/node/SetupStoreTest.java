package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup store keeps one row per curve and pair of servers (named by the two identity keys): a setup
 * replaces only its own pairs, a burn wipes one pair, rows survive a reopen, and the per-key table of the
 * earlier layout is dropped.
 */
class SetupStoreTest {
    private static final byte[] SELF = key(1);
    private static final byte[] B = key(2);
    private static final byte[] C = key(3);

    @TempDir
    Path dir;

    @Test
    void aSetupReplacesOnlyItsPairsAndABurnWipesOnePairDurably() throws Exception {
        NodeFiles files = new NodeFiles(dir);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (SetupStore store = SetupStore.open(files)) {
            assertTrue(store.claim(first, UUID.randomUUID()));
            assertFalse(store.claim(first, UUID.randomUUID()), "a setup id runs once");
            store.replace(
                    "SECP256K1",
                    SELF,
                    first,
                    List.of(new SetupStore.Sealed(B, bytes(5)), new SetupStore.Sealed(C, bytes(6))));
            store.replace("SECP256K1", SELF, second, List.of(new SetupStore.Sealed(B, bytes(7))));
            assertEquals(second, store.row("SECP256K1", SELF, B).orElseThrow().setupId());
            assertArrayEquals(
                    bytes(7), store.row("SECP256K1", SELF, B).orElseThrow().sealed());
            assertEquals(first, store.row("SECP256K1", SELF, C).orElseThrow().setupId(), "another pair stays");
            assertTrue(store.row("P256", SELF, B).isEmpty(), "a pair is per curve");
            assertTrue(store.row("SECP256K1", B, SELF).isEmpty(), "a pair is per own identity too");
            assertTrue(store.burn("SECP256K1", SELF, C));
            assertFalse(store.burn("P256", SELF, C), "no such pair");
        }
        try (SetupStore store = SetupStore.open(files)) {
            SetupStore.PairRow burned = store.row("SECP256K1", SELF, C).orElseThrow();
            assertTrue(burned.burned());
            assertEquals(0, burned.sealed().length, "a burned pair's seeds are wiped");
            assertFalse(store.row("SECP256K1", SELF, B).orElseThrow().burned());
            assertEquals(1, store.claimed());
        }
    }

    @Test
    void thePerKeyTableOfTheEarlierLayoutIsDroppedOnOpen() throws Exception {
        NodeFiles files = new NodeFiles(dir);
        String url = "jdbc:h2:file:" + files.setupDatabase() + ";TRACE_LEVEL_FILE=0";
        try (Connection c = DriverManager.getConnection(url, "node", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ecdsa_setups (key_id UUID, sealed VARBINARY(64))");
        }
        SetupStore.open(files).close();
        try (Connection c = DriverManager.getConnection(url, "node", "");
                ResultSet rs = c.getMetaData().getTables(null, null, "ECDSA_SETUPS", null)) {
            assertFalse(rs.next(), "the old table and its seeds are gone");
        }
    }

    @Test
    void theEarlierLayoutsSealedSeedsAreGoneFromTheFileNotOnlyFromTheTable() throws Exception {
        NodeFiles files = new NodeFiles(dir);
        byte[] sealed = new byte[96];
        new SecureRandom().nextBytes(sealed);
        // the earlier build's store, as it opened it: no space reuse, so H2 keeps every page it ever wrote
        String url = "jdbc:h2:file:" + files.setupDatabase() + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;REUSE_SPACE=FALSE";
        try (Connection c = DriverManager.getConnection(url, "node", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ecdsa_setups (key_id UUID NOT NULL, peer_id INT NOT NULL, "
                    + "setup_id UUID NOT NULL, curve VARCHAR(32) NOT NULL, servers VARCHAR(2048) NOT NULL, "
                    + "sealed VARBINARY(65536) NOT NULL, burned BOOLEAN NOT NULL, updated_at TIMESTAMP NOT NULL, "
                    + "PRIMARY KEY (key_id, peer_id))");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ecdsa_setups VALUES (?, 2, ?, 'SECP256K1', '1,2', ?, FALSE, CURRENT_TIMESTAMP)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, UUID.randomUUID());
                ps.setBytes(3, sealed);
                ps.executeUpdate();
            }
        }
        assertTrue(inFile(files, sealed));
        try (SetupStore store = SetupStore.open(files)) {
            store.replace("SECP256K1", SELF, UUID.randomUUID(), List.of(new SetupStore.Sealed(B, bytes(9))));
        }
        assertFalse(inFile(files, sealed), "no old page of the file holds the earlier layout's sealed seeds");
        try (SetupStore store = SetupStore.open(files)) {
            assertArrayEquals(
                    bytes(9), store.row("SECP256K1", SELF, B).orElseThrow().sealed(), "the new rows stay");
        }
    }

    /** Whether the store's file holds {@code needle} anywhere (one byte per char: a plain byte search). */
    private static boolean inFile(NodeFiles files, byte[] needle) throws Exception {
        byte[] file = Files.readAllBytes(Path.of(files.setupDatabase() + ".mv.db"));
        return new String(file, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }

    private static byte[] key(int b) {
        byte[] k = new byte[32];
        k[0] = (byte) b;
        return k;
    }

    private static byte[] bytes(int b) {
        return new byte[] {(byte) b, (byte) b};
    }
}
