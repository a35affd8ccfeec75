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
 * store ({@code signatures.mv.db}, owner-only); never a message, nonce or share. A signId is recorded
 * at round 1 and never removed, so it can never start a second signing, not even after a restart.
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

    private final Path dir;
    private Connection db;
    private Statements statements;

    /** One signing as recorded. */
    record Row(UUID signId, String clientId, UUID keyId, Outcome outcome) {}

    private SigningAudit(Path dir, Connection db) {
        this.dir = dir;
        this.db = db;
    }

    static SigningAudit open(NodeFiles files) throws IOException {
        return new SigningAudit(files.dir(), connect(files.dir()));
    }

    private static Connection connect(Path dir) throws IOException {
        // REUSE_SPACE=FALSE as for the share store: with space reuse, H2 2.5 lost a row recorded just before a
        // kill -9 of a node that had itself been restarted after a kill moments earlier (the nonce walk of the
        // stress profile saw round 1 of that signId accepted again after the second restart).
        String url =
                "jdbc:h2:file:" + dir.resolve("signatures") + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;REUSE_SPACE=FALSE";
        try {
            Connection c = DriverManager.getConnection(url, "node", "");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS sign_audit ("
                        + "sign_id UUID PRIMARY KEY, client_id VARCHAR(64) NOT NULL, key_id UUID NOT NULL, "
                        + "path VARCHAR(2600) NOT NULL, message_sha256 VARBINARY(32) NOT NULL, "
                        + "signers VARCHAR(1024) NOT NULL, started_at TIMESTAMP NOT NULL, "
                        + "outcome VARCHAR(16) NOT NULL, ended_at TIMESTAMP)");
            }
            try (var list = Files.newDirectoryStream(dir, "signatures*")) {
                for (Path f : list) {
                    if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
            return c;
        } catch (SQLException e) {
            throw new IOException("cannot open the signing audit (database error " + e.getErrorCode() + ")");
        }
    }

    /**
     * Records a signing's round 1; false when the signId is already known (it never signs twice). The
     * primary key refuses a known signId in the insert itself, so this is one statement and one commit.
     */
    synchronized boolean begin(
            UUID signId, String clientId, UUID keyId, String path, byte[] messageHash, List<Integer> signers)
            throws IOException {
        try {
            PreparedStatement ps = statements().insert();
            ps.setObject(1, signId);
            ps.setString(2, clientId);
            ps.setObject(3, keyId);
            ps.setString(4, path);
            ps.setBytes(5, messageHash);
            ps.setString(6, signers.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.setString(8, Outcome.COMMITTED.name());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                return false;
            }
            throw failed("record a signing", e);
        }
    }

    /** Records how a signing still COMMITTED ended; false when it had ended already. */
    synchronized boolean end(UUID signId, Outcome outcome) throws IOException {
        try {
            PreparedStatement ps = statements().update();
            ps.setString(1, outcome.name());
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setObject(3, signId);
            ps.setString(4, Outcome.COMMITTED.name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("record the end of a signing", e);
        }
    }

    synchronized Optional<Row> find(UUID signId) throws IOException {
        try {
            PreparedStatement ps = statements().select();
            ps.setObject(1, signId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(
                        signId, rs.getString(1), rs.getObject(2, UUID.class), Outcome.valueOf(rs.getString(3))));
            }
        } catch (SQLException e) {
            throw failed("read the signing audit", e);
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

    private Statements statements() throws IOException, SQLException {
        Connection c = db();
        if (statements == null) {
            statements = Statements.prepare(c);
        }
        return statements;
    }

    private Connection db() throws IOException {
        if (db == null) {
            db = connect(dir);
        }
        return db;
    }

    private IOException failed(String what, SQLException e) {
        close();
        db = null;
        return new IOException("cannot " + what + " (database error " + e.getErrorCode() + ")");
    }

    @Override
    public synchronized void close() {
        statements = null; // they close with their connection
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException ignored) {
            // closing a connection that failed already: nothing left to release
        }
    }
}
