package io.keyshard.node;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.h2.api.ErrorCode;

/**
 * The node's H2 database of ECDSA pairwise setups ({@code setups.mv.db}, owner-only, next to the share
 * store): one row per key and peer with the setup id, the setup's server list, the seeds sealed by
 * {@link ShareSealer#sealPair} and a burn mark. A setup replaces a key's rows in one transaction forced to
 * disk, so after a crash a node holds all pairs of one setup or none of it. Setup ids once started are
 * remembered, so a setup id never runs twice here (a restored node forgets them, but the key's other
 * servers still refuse an id they saw, and a setup needs all of them). The store is left out of node
 * backups and never restored ({@link NodeFiles#isPairwiseSetup}): a burn mark lives only here, so a copy
 * from before a burn must not come back.
 */
final class SetupStore implements AutoCloseable {
    private final NodeFiles files;
    private Connection db;

    /** One stored pair; {@code sealed} is empty once burned. */
    record PairRow(
            UUID keyId, int peer, UUID setupId, String curve, List<Integer> servers, byte[] sealed, boolean burned) {}

    private SetupStore(NodeFiles files, Connection db) {
        this.files = files;
        this.db = db;
    }

    static SetupStore open(NodeFiles files) throws IOException {
        return new SetupStore(files, connect(files));
    }

    private static Connection connect(NodeFiles files) throws IOException {
        String url = "jdbc:h2:file:" + files.setupDatabase() + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;REUSE_SPACE=FALSE";
        try {
            Connection c = DriverManager.getConnection(url, "node", "");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS ecdsa_setups ("
                        + "key_id UUID NOT NULL, peer_id INT NOT NULL, setup_id UUID NOT NULL, "
                        + "curve VARCHAR(32) NOT NULL, servers VARCHAR(2048) NOT NULL, "
                        + "sealed VARBINARY(65536) NOT NULL, burned BOOLEAN NOT NULL, "
                        + "updated_at TIMESTAMP NOT NULL, PRIMARY KEY (key_id, peer_id))");
                s.execute("CREATE TABLE IF NOT EXISTS ecdsa_setup_ids ("
                        + "setup_id UUID PRIMARY KEY, key_id UUID NOT NULL, started_at TIMESTAMP NOT NULL)");
            }
            ShareStore.restrictToOwner(files.dir(), "setups*");
            return c;
        } catch (SQLException e) {
            throw ShareStore.problem(files, "open the setup store", e);
        }
    }

    /** Records a setup id as started; false when it was seen before (a replayed or repeated step 1). */
    synchronized boolean claim(UUID setupId, UUID keyId) throws IOException {
        try (PreparedStatement ps = db().prepareStatement("INSERT INTO ecdsa_setup_ids VALUES (?, ?, ?)")) {
            ps.setObject(1, setupId);
            ps.setObject(2, keyId);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                return false;
            }
            throw failed("record a setup id", e);
        }
    }

    /**
     * Replaces every pair of {@code keyId} with the sealed seeds of one setup, in one transaction, and
     * returns once it is on disk.
     */
    synchronized void replace(
            UUID keyId, UUID setupId, String curve, List<Integer> servers, Map<Integer, byte[]> sealed)
            throws IOException {
        Connection c = db();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM ecdsa_setups WHERE key_id = ?");
                    PreparedStatement ins =
                            c.prepareStatement("INSERT INTO ecdsa_setups VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)")) {
                del.setObject(1, keyId);
                del.executeUpdate();
                Timestamp now = Timestamp.from(Instant.now());
                for (Map.Entry<Integer, byte[]> e : sealed.entrySet()) {
                    ins.setObject(1, keyId);
                    ins.setInt(2, e.getKey());
                    ins.setObject(3, setupId);
                    ins.setString(4, curve);
                    ins.setString(5, join(servers));
                    ins.setBytes(6, e.getValue());
                    ins.setTimestamp(7, now);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is dropped below; H2 discards the open transaction with it
            }
            throw failed("store a setup", e);
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // a broken connection is reopened by the next call
            }
        }
        sync();
    }

    /** Wipes and marks one pair burned, on disk before this returns; false if the key has no such pair. */
    synchronized boolean burn(UUID keyId, int peer) throws IOException {
        try (PreparedStatement ps = db().prepareStatement("UPDATE ecdsa_setups SET burned = TRUE, sealed = X'', "
                + "updated_at = ? WHERE key_id = ? AND peer_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setObject(2, keyId);
            ps.setInt(3, peer);
            if (ps.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw failed("burn a setup pair", e);
        }
        sync();
        return true;
    }

    /** Every stored pair of a key. */
    synchronized List<PairRow> rows(UUID keyId) throws IOException {
        try (PreparedStatement ps = db().prepareStatement("SELECT peer_id, setup_id, curve, servers, sealed, burned "
                + "FROM ecdsa_setups WHERE key_id = ? ORDER BY peer_id")) {
            ps.setObject(1, keyId);
            List<PairRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PairRow(
                            keyId,
                            rs.getInt(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            split(rs.getString(4)),
                            rs.getBytes(5),
                            rs.getBoolean(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read a setup", e);
        }
    }

    private void sync() throws IOException {
        try (Statement s = db().createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw failed("force the setup store to disk", e);
        }
    }

    private static String join(List<Integer> servers) {
        return servers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> split(String servers) {
        return Arrays.stream(servers.split(",")).map(Integer::valueOf).toList();
    }

    private Connection db() throws IOException {
        if (db == null) {
            db = connect(files);
        }
        return db;
    }

    private IOException failed(String what, SQLException e) {
        close();
        db = null;
        return ShareStore.problem(files, what, e);
    }

    @Override
    public synchronized void close() {
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException ignored) {
            // closing a connection that failed already: nothing left to release
        }
    }
}
