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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.api.ErrorCode;

/**
 * The node's H2 database of ECDSA pairwise setups ({@code setups.mv.db}, owner-only, next to the share
 * store): one row per curve and pair of servers, the pair named by the two servers' Ed25519 identity keys
 * (this server's and the peer's, as the keys' records hold them), with the setup id, the seeds sealed by
 * {@link ShareSealer#sealPair} and a burn mark. Every key of those two servers on that curve uses the row.
 * A setup replaces its pairs' rows in one transaction forced to disk, so after a crash a node holds each
 * pair of one setup or the pair it had before, never part of one. Setup ids once started are remembered,
 * so a setup id never runs twice here (a restored node forgets them, but its peers still refuse an id
 * they saw, and a setup needs all of them). The store is left out of node backups and never restored
 * ({@link NodeFiles#isPairwiseSetup}): a burn mark lives only here, so a copy from before a burn must not
 * come back. The per-key table of the earlier layout ({@code ecdsa_setups}) is dropped on open, after the
 * file is rewritten without its rows (no old page keeps its sealed seeds): its seeds are not read any more,
 * and a key made before gets its pairs on first use.
 */
final class SetupStore implements AutoCloseable {
    private final NodeFiles files;
    private Connection db;

    /** One stored pair; {@code sealed} is empty once burned. */
    record PairRow(String curve, byte[] self, byte[] peer, UUID setupId, byte[] sealed, boolean burned) {}

    /** The sealed seeds of one pair a setup stores: the peer's identity key and the sealed bytes. */
    record Sealed(byte[] peer, byte[] sealed) {}

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
            if (hasEarlierLayout(c)) {
                // Without space reuse H2 never overwrites a page, so the earlier layout's sealed seeds would stay
                // in old pages of the file after a DROP. Empty the table, rewrite the file with live data only,
                // and drop it after that: a kill between the steps finds the table again and repeats them.
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM ecdsa_setups");
                    s.execute("SHUTDOWN COMPACT");
                }
                c.close();
                c = DriverManager.getConnection(url, "node", "");
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS ecdsa_setups");
                s.execute("CREATE TABLE IF NOT EXISTS ecdsa_pairs ("
                        + "curve VARCHAR(32) NOT NULL, self_key VARBINARY(32) NOT NULL, "
                        + "peer_key VARBINARY(32) NOT NULL, setup_id UUID NOT NULL, "
                        + "sealed VARBINARY(65536) NOT NULL, burned BOOLEAN NOT NULL, "
                        + "updated_at TIMESTAMP NOT NULL, PRIMARY KEY (curve, self_key, peer_key))");
                s.execute("CREATE TABLE IF NOT EXISTS ecdsa_setup_ids ("
                        + "setup_id UUID PRIMARY KEY, key_id UUID NOT NULL, started_at TIMESTAMP NOT NULL)");
            }
            ShareStore.restrictToOwner(files.dir(), "setups*");
            return c;
        } catch (SQLException e) {
            throw ShareStore.problem(files, "open the setup store", e);
        }
    }

    private static boolean hasEarlierLayout(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "ECDSA_SETUPS", null)) {
            return rs.next();
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

    /** How many setup ids this node has started (each setup's step 1 claims one). */
    synchronized int claimed() throws IOException {
        try (Statement st = db().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ecdsa_setup_ids")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failed("count the setup ids", e);
        }
    }

    /**
     * Replaces the pairs (this server {@code self}, each peer of {@code sealed}) on {@code curve} with the
     * sealed seeds of one setup, in one transaction, and returns once it is on disk. Other pairs stay.
     */
    synchronized void replace(String curve, byte[] self, UUID setupId, List<Sealed> sealed) throws IOException {
        Connection c = db();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement(
                            "DELETE FROM ecdsa_pairs WHERE curve = ? AND self_key = ? AND peer_key = ?");
                    PreparedStatement ins =
                            c.prepareStatement("INSERT INTO ecdsa_pairs VALUES (?, ?, ?, ?, ?, FALSE, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (Sealed e : sealed) {
                    del.setString(1, curve);
                    del.setBytes(2, self);
                    del.setBytes(3, e.peer());
                    del.executeUpdate();
                    ins.setString(1, curve);
                    ins.setBytes(2, self);
                    ins.setBytes(3, e.peer());
                    ins.setObject(4, setupId);
                    ins.setBytes(5, e.sealed());
                    ins.setTimestamp(6, now);
                    ins.executeUpdate();
                }
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

    /** Wipes and marks one pair burned, on disk before this returns; false if there is no such pair. */
    synchronized boolean burn(String curve, byte[] self, byte[] peer) throws IOException {
        try (PreparedStatement ps = db().prepareStatement("UPDATE ecdsa_pairs SET burned = TRUE, sealed = X'', "
                + "updated_at = ? WHERE curve = ? AND self_key = ? AND peer_key = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, curve);
            ps.setBytes(3, self);
            ps.setBytes(4, peer);
            if (ps.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw failed("burn a setup pair", e);
        }
        sync();
        return true;
    }

    /** The stored pair (this server {@code self}, {@code peer}) on {@code curve}, if any. */
    synchronized Optional<PairRow> row(String curve, byte[] self, byte[] peer) throws IOException {
        try (PreparedStatement ps = db().prepareStatement("SELECT setup_id, sealed, burned FROM ecdsa_pairs "
                + "WHERE curve = ? AND self_key = ? AND peer_key = ?")) {
            ps.setString(1, curve);
            ps.setBytes(2, self);
            ps.setBytes(3, peer);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PairRow(
                        curve,
                        self.clone(),
                        peer.clone(),
                        rs.getObject(1, UUID.class),
                        rs.getBytes(2),
                        rs.getBoolean(3)));
            }
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
