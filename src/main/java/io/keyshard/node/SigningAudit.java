package io.keyshard.node;

import java.io.IOException;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.h2.api.ErrorCode;

/**
 * The node's record of every signing it took part in (docs/protocol.md, Signing): signId, keyId, path,
 * SHA-256 of the message, signer set, when, and how it ended. Its own H2 database next to the share
 * store ({@code signatures.mv.db}, owner-only) with its write-ahead {@link SigningJournal}; never a message,
 * nonce or share. A signId is recorded at round 1 and never removed, so it can never start a second signing,
 * not even after a kill and a restart.
 */
final class SigningAudit implements AutoCloseable {
    /** How a signing ended on this server. */
    enum Outcome {
        /** round 1 answered, round 2 not yet */
        COMMITTED,
        /** round 2 answered: this server's share left */
        SIGNED,
        /** round 2 refused; the nonces were destroyed */
        REFUSED,
        /** the client aborted */
        ABORTED,
        /** round 2 never came in time */
        EXPIRED
    }

    /** The write-ahead file next to {@code signatures.mv.db} ({@link SigningJournal}). */
    static final String JOURNAL = "signatures.journal";

    /**
     * The journal is folded into H2 (stored and synced, then emptied) once it holds this much, about 7,000
     * signings: it stays small to replay, and a fold costs a few milliseconds that often.
     */
    private static final long FOLD_AT = 1 << 20;

    /** H2's WRITE_DELAY in ms: longer than a node runs, so its background writer never stores. */
    private static final int NO_BACKGROUND_STORE = 2_000_000_000;

    private final Path dir;
    private final long foldAt;
    private Connection db;
    private SigningJournal journal;
    private Statements statements;
    private boolean closed;

    /** One signing as recorded. */
    record Row(UUID signId, String clientId, UUID keyId, Outcome outcome) {}

    private SigningAudit(Path dir, long foldAt) {
        this.dir = dir;
        this.foldAt = foldAt;
    }

    /**
     * Opens the audit, first folding in what the journal holds from before a kill; a journal that does not
     * read back is an IOException saying what to do (the node does not start).
     */
    static SigningAudit open(NodeFiles files) throws IOException {
        return open(files, FOLD_AT);
    }

    /** As {@link #open(NodeFiles)}, folding the journal once it holds {@code foldAt} bytes. */
    static SigningAudit open(NodeFiles files, long foldAt) throws IOException {
        SigningAudit audit = new SigningAudit(files.dir(), foldAt);
        audit.connect();
        return audit;
    }

    /*
     * Durability. Each begin and end is one INSERT or UPDATE that H2 commits in memory (its primary key
     * refuses a known signId there), then one record appended to the journal before the method returns, so
     * before the node answers: a signId is recorded before its commitment leaves, SIGNED before the share
     * leaves, and both survive a killed process (neither is forced to disk per signing, as H2 with
     * WRITE_DELAY=0 did not force either). The journal is emptied only after a CHECKPOINT SYNC has stored and
     * synced everything in it. H2 stores nothing in the background: WRITE_DELAY is set beyond any run, so it
     * stores at a fold, when its unsaved changes outgrow its buffer, and at close, in the calling thread. Its
     * background writer (WRITE_DELAY=500), storing while a kill -9 landed, left files H2 2.5 could not open
     * ("Chunk N not found"; SigningAuditKillIT, a few runs in a thousand under load). A commit that
     * H2 stored itself (WRITE_DELAY=0) serialized and wrote the table's changed pages each time: about ten
     * times the CPU of this, and a new file chunk per signing (docs/benchmarks.md, "The node's signing
     * audit").
     */
    private void connect() throws IOException {
        // REUSE_SPACE=FALSE as for the share store: with space reuse, H2 2.5 lost a row recorded just before a
        // kill -9 of a node that had itself been restarted after a kill moments earlier (the nonce walk of the
        // stress profile saw round 1 of that signId accepted again after the second restart).
        String url = "jdbc:h2:file:" + dir.resolve("signatures") + ";TRACE_LEVEL_FILE=0;WRITE_DELAY="
                + NO_BACKGROUND_STORE + ";REUSE_SPACE=FALSE";
        try {
            db = DriverManager.getConnection(url, "node", "");
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS sign_audit ("
                        + "sign_id UUID PRIMARY KEY, client_id VARCHAR(64) NOT NULL, key_id UUID NOT NULL, "
                        + "path VARCHAR(2600) NOT NULL, message_sha256 VARBINARY(32) NOT NULL, "
                        + "signers VARCHAR(1024) NOT NULL, started_at TIMESTAMP NOT NULL, "
                        + "outcome VARCHAR(16) NOT NULL, ended_at TIMESTAMP)");
            }
            statements = Statements.prepare(db);
            Path file = dir.resolve(JOURNAL);
            for (SigningJournal.Event e : SigningJournal.read(file)) {
                // replaying twice (a kill during this fold) changes nothing: a begin already stored is a
                // known key, an end already applied finds its signing no longer COMMITTED
                if (!apply(e)
                        && e instanceof SigningJournal.End
                        && find(e.signId()).isEmpty()) {
                    throw SigningJournal.damaged(file, "(it ends a signing that was never begun)");
                }
            }
            journal = SigningJournal.open(file);
            if (journal.size() > 0) {
                fold(); // a cut last record goes with it, so nothing is ever appended after one
            }
            try (var list = Files.newDirectoryStream(dir, "signatures*")) {
                for (Path f : list) {
                    if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        } catch (SQLException e) {
            release();
            // H2's own words name the damage ("Chunk 11 not found"); they hold no signId, key or message
            throw new IOException("cannot open the signing audit " + dir.resolve("signatures.mv.db") + " ("
                    + e.getMessage() + "); keep a copy of the folder: moving that file aside lets the node start "
                    + "with a new audit, which forgets the signings only the old file holds");
        } catch (IOException e) {
            release();
            throw e;
        }
    }

    /**
     * Records a signing's round 1; false when the signId is already known (it never signs twice). The
     * primary key refuses a known signId in the insert itself.
     */
    synchronized boolean begin(
            UUID signId, String clientId, UUID keyId, String path, byte[] messageHash, List<Integer> signers)
            throws IOException {
        String signerList = signers.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        return recordEvent(new SigningJournal.Begin(
                signId, clientId, keyId, path, messageHash.clone(), signerList, Instant.now()));
    }

    /** Records how a signing still COMMITTED ended; false when it had ended already. */
    synchronized boolean end(UUID signId, Outcome outcome) throws IOException {
        return recordEvent(new SigningJournal.End(signId, outcome, Instant.now()));
    }

    private boolean recordEvent(SigningJournal.Event e) throws IOException {
        ensureOpen();
        try {
            if (!apply(e)) {
                return false;
            }
            journal.append(e);
            if (journal.size() >= foldAt) {
                fold();
            }
            return true;
        } catch (SQLException | IOException failure) {
            // whatever H2 holds in memory is stored when it closes, or else is still in the journal
            release();
            String what = e instanceof SigningJournal.Begin ? "record a signing" : "record the end of a signing";
            throw new IOException("cannot " + what + " ("
                    + (failure instanceof SQLException q
                            ? "database error " + q.getErrorCode()
                            : "journal: " + failure.getMessage())
                    + ")");
        }
    }

    /** Applies {@code e} to the table: false for a begin of a known signId or an end of one not COMMITTED. */
    private boolean apply(SigningJournal.Event e) throws SQLException {
        if (e instanceof SigningJournal.Begin b) {
            PreparedStatement ps = statements.insert();
            ps.setObject(1, b.signId());
            ps.setString(2, b.clientId());
            ps.setObject(3, b.keyId());
            ps.setString(4, b.path());
            ps.setBytes(5, b.messageHash());
            ps.setString(6, b.signers());
            ps.setTimestamp(7, Timestamp.from(b.at()));
            ps.setString(8, Outcome.COMMITTED.name());
            try {
                ps.executeUpdate();
                return true;
            } catch (SQLException known) {
                if (known.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                    return false;
                }
                throw known;
            }
        }
        SigningJournal.End end = (SigningJournal.End) e;
        PreparedStatement ps = statements.update();
        ps.setString(1, end.outcome().name());
        ps.setTimestamp(2, Timestamp.from(end.at()));
        ps.setObject(3, end.signId());
        ps.setString(4, Outcome.COMMITTED.name());
        return ps.executeUpdate() == 1;
    }

    /** Stores and syncs everything H2 holds, then empties the journal (which it all came through). */
    private void fold() throws SQLException, IOException {
        try (Statement s = db.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
        journal.clear();
    }

    synchronized Optional<Row> find(UUID signId) throws IOException {
        ensureOpen();
        try {
            PreparedStatement ps = statements.select();
            ps.setObject(1, signId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(
                        signId, rs.getString(1), rs.getObject(2, UUID.class), Outcome.valueOf(rs.getString(3))));
            }
        } catch (SQLException e) {
            release();
            throw new IOException("cannot read the signing audit (database error " + e.getErrorCode() + ")");
        }
    }

    /** The three statements of a signing, prepared once per connection (they close with it). */
    private record Statements(PreparedStatement insert, PreparedStatement update, PreparedStatement select) {
        static Statements prepare(Connection c) throws SQLException {
            return new Statements(
                    c.prepareStatement("INSERT INTO sign_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)"),
                    c.prepareStatement(
                            "UPDATE sign_audit SET outcome = ?, ended_at = ? WHERE sign_id = ? AND outcome = ?"),
                    c.prepareStatement("SELECT client_id, key_id, outcome FROM sign_audit WHERE sign_id = ?"));
        }
    }

    /** Reconnects after a failure (replaying the journal); a closed audit stays closed. */
    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("cannot use the signing audit: the server is stopping");
        }
        if (db == null) {
            connect();
        }
    }

    /** Closes the database and the journal without a fold: what the journal holds is replayed at the next open. */
    private void release() {
        statements = null; // they close with their connection
        try {
            if (journal != null) {
                journal.close();
            }
        } catch (IOException ignored) {
            // an append-only file that failed already: nothing left to release
        }
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException ignored) {
            // closing a connection that failed already: nothing left to release
        }
        journal = null;
        db = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (db != null && journal != null) {
            try {
                fold();
            } catch (SQLException | IOException e) {
                // H2 already closed by its own exit hook, or a disk problem: the journal stays for the next open
            }
        }
        release();
    }
}
