package io.keyshard.node;

import io.keyshard.DiskSpace;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.wire.KeyState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.api.ErrorCode;

/**
 * The node's own H2 database of keys: one row per keyId with its owner, curve, status, the share
 * sealed by {@link ShareSealer} and the public result. Aborted and expired keyIds stay as rows
 * without a share, so a keyId is never used twice. SQL errors are reported without H2's message
 * (it can carry row values). After a failed write (H2 closes its store then, e.g. on a full disk)
 * the next call opens the database again, so the node recovers once space is back.
 */
final class ShareStore implements AutoCloseable {
    private final NodeFiles files;
    private final Object syncLock = new Object();
    private Connection db;
    /**
     * The read of a key's record, prepared once per connection: every signing round reads it, and preparing
     * the statement each time was about a sixth of that read (JFR). Guarded by this; dropped with its connection.
     */
    private PreparedStatement readRecord;

    private long written; // durable writes (shares stored, commits), guarded by this
    private long synced; // of those, the ones known to be on disk, guarded by syncLock
    private long syncs; // forced writes done, guarded by syncLock

    /** A write failed because the disk holding the share store is full (the API answers 507). */
    static final class StorageFullException extends IOException {
        private static final long serialVersionUID = 1L;

        StorageFullException() {
            super("the server's share store is out of disk space; nothing was stored");
        }
    }

    /** What the store knows about a keyId. {@code publicResult} is JSON, null unless PENDING or READY. */
    record Row(UUID keyId, String clientId, String curve, KeyState state, String publicResult) {}

    private ShareStore(NodeFiles files, Connection db) {
        this.files = files;
        this.db = db;
    }

    static ShareStore open(NodeFiles files) throws IOException {
        ShareStore store = new ShareStore(files, connect(files));
        // who holds the store: a successor that finds it locked names this process
        byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
        OwnerOnlyFiles.write(pidFile(files), pid);
        return store;
    }

    private static Path pidFile(NodeFiles files) {
        return files.dir().resolve("node.pid");
    }

    private static Connection connect(NodeFiles files) throws IOException {
        // REUSE_SPACE=FALSE: with space reuse, H2 2.5 lost committed rows after repeated kill -9 (KillStressIT found
        // READY shares gone after a later kill; the vault turned it off for the same reason).
        String url = "jdbc:h2:file:" + files.shareDatabase() + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;REUSE_SPACE=FALSE";
        try {
            Connection c = DriverManager.getConnection(url, "node", "");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS node_keys ("
                        + "key_id UUID PRIMARY KEY, client_id VARCHAR(64) NOT NULL, curve VARCHAR(32) NOT NULL, "
                        + "state VARCHAR(16) NOT NULL, sealed_share VARBINARY(8192), "
                        + "public_result CHARACTER LARGE OBJECT, updated_at TIMESTAMP NOT NULL)");
            }
            restrictToOwner(files.dir(), "shares*");
            return c;
        } catch (SQLException e) {
            throw problem(files, "open the share store", e);
        }
    }

    /** H2 creates its files with the process umask; a node's databases are made owner-only like the rest. */
    static void restrictToOwner(Path dir, String glob) throws IOException {
        try (var list = Files.newDirectoryStream(dir, glob)) {
            for (Path f : list) {
                if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }

    synchronized Optional<Row> find(UUID keyId) throws IOException {
        return sealedRecord(keyId).map(Sealed::row);
    }

    /**
     * Stores a share PENDING, durably (on disk before this returns: the client marks the key READY on
     * the strength of it); false if the keyId is already known.
     */
    boolean insertPending(UUID keyId, String clientId, String curve, byte[] sealedShare, String publicResult)
            throws IOException {
        return durably(() -> insert(keyId, clientId, curve, KeyState.PENDING, sealedShare, publicResult));
    }

    /**
     * Marks a PENDING share READY, durably: the client stops asking about a key once every server
     * confirmed its commit, so a READY mark lost in a power cut would never be healed. False if the
     * key was not PENDING.
     */
    boolean commitReady(UUID keyId) throws IOException {
        return durably(() -> transition(keyId, KeyState.PENDING, KeyState.READY));
    }

    private interface Write {
        boolean run() throws IOException;
    }

    /** Runs {@code write} under the store's lock and, if it changed something, returns once that is on disk. */
    private boolean durably(Write write) throws IOException {
        long mine;
        synchronized (this) {
            if (!write.run()) {
                return false;
            }
            mine = ++written;
        }
        syncUpTo(mine);
        return true;
    }

    /**
     * Forces the store to disk unless a sync that began after durable write number {@code mine} already
     * did: shares and commits stored while one sync runs are covered by the next, one fsync for all of
     * them (group commit). Abort and expiry marks are not forced: a lost tombstone leaves a share that
     * never becomes READY.
     */
    private void syncUpTo(long mine) throws IOException {
        synchronized (syncLock) {
            if (synced >= mine) {
                return;
            }
            long covered;
            synchronized (this) {
                covered = written;
                try (Statement s = db().createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                } catch (SQLException e) {
                    throw failed("force the share store to disk", e);
                }
            }
            synced = covered;
            syncs++;
        }
    }

    /** Durable writes asked, those synced, and the forced writes that did it (tests: all synced, syncs shared). */
    long[] durability() {
        synchronized (syncLock) {
            synchronized (this) {
                return new long[] {written, synced, syncs};
            }
        }
    }

    /** Records a keyId that will never hold a share (aborted or expired before round 3). */
    synchronized boolean insertTombstone(UUID keyId, String clientId, String curve, KeyState state) throws IOException {
        return insert(keyId, clientId, curve, state, null, null);
    }

    private boolean insert(UUID keyId, String clientId, String curve, KeyState state, byte[] share, String result)
            throws IOException {
        if (find(keyId).isPresent()) {
            return false;
        }
        try (PreparedStatement ps = db().prepareStatement("INSERT INTO node_keys VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, keyId);
            ps.setString(2, clientId);
            ps.setString(3, curve);
            ps.setString(4, state.name());
            ps.setBytes(5, share);
            ps.setString(6, result);
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            throw failed("store a key", e);
        }
    }

    /** Moves a key from one state to another; false if it was not in {@code from}. */
    synchronized boolean transition(UUID keyId, KeyState from, KeyState to) throws IOException {
        String sql = to == KeyState.ABORTED
                ? "UPDATE node_keys SET state = ?, sealed_share = NULL, public_result = NULL, updated_at = ? "
                        + "WHERE key_id = ? AND state = ?"
                : "UPDATE node_keys SET state = ?, updated_at = ? WHERE key_id = ? AND state = ?";
        try (PreparedStatement ps = db().prepareStatement(sql)) {
            ps.setString(1, to.name());
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setObject(3, keyId);
            ps.setString(4, from.name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("update a key", e);
        }
    }

    /** Every keyId the store knows, shares and tombstones alike. */
    synchronized List<UUID> keyIds() throws IOException {
        List<UUID> out = new ArrayList<>();
        try (Statement s = db().createStatement();
                ResultSet rs = s.executeQuery("SELECT key_id FROM node_keys")) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
            return out;
        } catch (SQLException e) {
            throw failed("list keys", e);
        }
    }

    /** The sealed share of a PENDING or READY key. */
    synchronized Optional<byte[]> sealedShare(UUID keyId) throws IOException {
        try (PreparedStatement ps = db().prepareStatement("SELECT sealed_share FROM node_keys WHERE key_id = ?")) {
            ps.setObject(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read a share", e);
        }
    }

    /** A key's row with its sealed share, read together; {@code sealedShare} is null for tombstones. */
    record Sealed(Row row, byte[] sealedShare) {}

    /** The row and sealed share of a key in one read, so the share and its public result belong together. */
    synchronized Optional<Sealed> sealedRecord(UUID keyId) throws IOException {
        try {
            if (readRecord == null) {
                readRecord = db().prepareStatement(
                                "SELECT client_id, curve, state, public_result, sealed_share FROM node_keys WHERE key_id = ?");
            }
            PreparedStatement ps = readRecord;
            ps.setObject(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Row row = new Row(
                        keyId, rs.getString(1), rs.getString(2), KeyState.valueOf(rs.getString(3)), rs.getString(4));
                return Optional.of(new Sealed(row, rs.getBytes(5)));
            }
        } catch (SQLException e) {
            throw failed("read a key", e);
        }
    }

    /** The open connection, opening the database again if a failed write closed it. */
    private Connection db() throws IOException {
        if (db == null) {
            db = connect(files);
        }
        return db;
    }

    /** Drops the connection (H2 may have closed its store) and names the failure. */
    private IOException failed(String what, SQLException e) {
        close();
        db = null;
        return problem(files, what, e);
    }

    /** The failure to report for a database error, without H2's message (it can carry row values). */
    static IOException problem(NodeFiles files, String what, SQLException e) {
        if (DiskSpace.isFull(e, files.dir())) {
            return new StorageFullException();
        }
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new IOException("the share store is in use by another node process (pid " + holder(files)
                    + "?): stop it, or wait for it to end");
        }
        return new IOException("cannot " + what + " (database error " + e.getErrorCode() + ")");
    }

    /** The pid the last node to open this store wrote, or "unknown". */
    private static String holder(NodeFiles files) {
        try {
            String pid =
                    Files.readString(pidFile(files), StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]{1,10}") ? pid : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public synchronized void close() {
        readRecord = null; // closed with its connection
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException ignored) {
            // closing a connection that failed already: nothing left to release
        }
    }
}
