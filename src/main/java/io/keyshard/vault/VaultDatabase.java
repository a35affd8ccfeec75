package io.keyshard.vault;

import io.keyshard.DiskSpace;
import io.keyshard.vault.VaultException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The H2 side of the vault: connection, schema and its forward migrations, raw rows. Values arrive
 * here already sealed. No H2 exception text leaves this class (it can carry row values): callers get
 * a {@link VaultException} with the H2 error code only.
 */
final class VaultDatabase implements AutoCloseable {
    /** The schema this version writes. Version 1 had no SECRETS table; version 2 added it; 3 added SIGNATURES. */
    static final int SCHEMA_VERSION = 3;

    static final String USER = "KEYSHARD";

    /** A key record row: the plaintext columns and the sealed record. */
    record KeyRow(UUID keyId, long rowNo, int version, byte[] sealed) {}

    /** A secret row. */
    record SecretRow(String name, int version, byte[] sealed) {}

    /** One entry of a key's signing history: its place ({@code seq} from 1) and the sealed entry. */
    record SignatureRow(UUID keyId, int seq, byte[] sealed) {}

    private final Connection conn;
    private final Path base;

    private VaultDatabase(Connection conn, Path base) {
        this.conn = conn;
        this.base = base;
    }

    /** Creates a new database at {@code base} (path without {@code .mv.db}) with the current schema. */
    static VaultDatabase create(Path base, char[] h2Password) {
        VaultDatabase db = new VaultDatabase(connect(base, h2Password, false), base);
        db.run(() -> {
            try (Statement s = db.conn.createStatement()) {
                s.execute("CREATE TABLE META(NAME VARCHAR(64) PRIMARY KEY, VAL VARBINARY NOT NULL)");
                s.execute("CREATE TABLE KEY_RECORDS(KEY_ID UUID PRIMARY KEY, ROW_NO BIGINT NOT NULL, "
                        + "VERSION INT NOT NULL, SEALED VARBINARY NOT NULL)");
            }
            db.putMeta("schema_version", "1".getBytes(StandardCharsets.US_ASCII));
            return null;
        });
        db.migrate();
        return db;
    }

    /** Opens an existing database; never creates one ({@code IFEXISTS=TRUE}). */
    static VaultDatabase open(Path base, char[] h2Password) {
        return new VaultDatabase(connect(base, h2Password, true), base);
    }

    int schemaVersion() {
        return run(() -> {
            byte[] v = meta("schema_version");
            if (v == null) {
                throw new VaultException(Reason.DAMAGED, "the vault database has no schema version: it is damaged");
            }
            return Integer.parseInt(new String(v, StandardCharsets.US_ASCII));
        });
    }

    /** Brings an older schema up to {@link #SCHEMA_VERSION}; refuses a newer one without writing. */
    void migrate() {
        int version = schemaVersion();
        if (version > SCHEMA_VERSION) {
            throw new VaultException(
                    Reason.NEWER_VERSION,
                    "this vault was made by a newer version of Keyshard "
                            + "(schema " + version + ", this version knows up to " + SCHEMA_VERSION
                            + "): update Keyshard; the vault was not changed");
        }
        if (version < 2) {
            run(() -> {
                try (Statement s = conn.createStatement()) {
                    s.execute("CREATE TABLE SECRETS(NAME VARCHAR(200) PRIMARY KEY, VERSION INT NOT NULL, "
                            + "SEALED VARBINARY NOT NULL)");
                }
                putMeta("schema_version", "2".getBytes(StandardCharsets.US_ASCII));
                return null;
            });
            commitDurably();
        }
        if (version < 3) {
            run(() -> {
                try (Statement s = conn.createStatement()) {
                    s.execute("CREATE TABLE SIGNATURES(KEY_ID UUID NOT NULL, SEQ INT NOT NULL, "
                            + "SEALED VARBINARY NOT NULL, PRIMARY KEY(KEY_ID, SEQ))");
                }
                putMeta("schema_version", "3".getBytes(StandardCharsets.US_ASCII));
                return null;
            });
            commitDurably();
        }
    }

    List<KeyRow> keyRows() {
        return run(() -> {
            List<KeyRow> rows = new ArrayList<>();
            try (Statement s = conn.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT KEY_ID, ROW_NO, VERSION, SEALED FROM KEY_RECORDS ORDER BY ROW_NO")) {
                while (rs.next()) {
                    rows.add(new KeyRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3), rs.getBytes(4)));
                }
            }
            return rows;
        });
    }

    KeyRow keyRow(UUID keyId) {
        return run(() -> {
            try (PreparedStatement p =
                    conn.prepareStatement("SELECT ROW_NO, VERSION, SEALED FROM KEY_RECORDS WHERE KEY_ID = ?")) {
                p.setObject(1, keyId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? new KeyRow(keyId, rs.getLong(1), rs.getInt(2), rs.getBytes(3)) : null;
                }
            }
        });
    }

    void putKeyRow(KeyRow row) {
        run(() -> {
            try (PreparedStatement p = conn.prepareStatement(
                    "MERGE INTO KEY_RECORDS(KEY_ID, ROW_NO, VERSION, SEALED) KEY(KEY_ID) VALUES(?, ?, ?, ?)")) {
                p.setObject(1, row.keyId());
                p.setLong(2, row.rowNo());
                p.setInt(3, row.version());
                p.setBytes(4, row.sealed());
                p.executeUpdate();
            }
            return null;
        });
    }

    void deleteKeyRow(UUID keyId) {
        run(() -> {
            try (PreparedStatement p = conn.prepareStatement("DELETE FROM KEY_RECORDS WHERE KEY_ID = ?")) {
                p.setObject(1, keyId);
                p.executeUpdate();
            }
            return null;
        });
    }

    List<SecretRow> secretRows() {
        return run(() -> {
            List<SecretRow> rows = new ArrayList<>();
            try (Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT NAME, VERSION, SEALED FROM SECRETS ORDER BY NAME")) {
                while (rs.next()) {
                    rows.add(new SecretRow(rs.getString(1), rs.getInt(2), rs.getBytes(3)));
                }
            }
            return rows;
        });
    }

    void putSecretRow(SecretRow row) {
        run(() -> {
            try (PreparedStatement p =
                    conn.prepareStatement("MERGE INTO SECRETS(NAME, VERSION, SEALED) KEY(NAME) VALUES(?, ?, ?)")) {
                p.setString(1, row.name());
                p.setInt(2, row.version());
                p.setBytes(3, row.sealed());
                p.executeUpdate();
            }
            return null;
        });
    }

    void deleteSecretRow(String name) {
        run(() -> {
            try (PreparedStatement p = conn.prepareStatement("DELETE FROM SECRETS WHERE NAME = ?")) {
                p.setString(1, name);
                p.executeUpdate();
            }
            return null;
        });
    }

    List<SignatureRow> signatureRows(UUID keyId) {
        return run(() -> {
            List<SignatureRow> rows = new ArrayList<>();
            try (PreparedStatement p =
                    conn.prepareStatement("SELECT SEQ, SEALED FROM SIGNATURES WHERE KEY_ID = ? ORDER BY SEQ")) {
                p.setObject(1, keyId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new SignatureRow(keyId, rs.getInt(1), rs.getBytes(2)));
                    }
                }
            }
            return rows;
        });
    }

    /** Adds a history entry; an existing row at the same place is never overwritten (the insert fails). */
    void insertSignatureRow(SignatureRow row) {
        run(() -> {
            try (PreparedStatement p =
                    conn.prepareStatement("INSERT INTO SIGNATURES(KEY_ID, SEQ, SEALED) VALUES(?, ?, ?)")) {
                p.setObject(1, row.keyId());
                p.setInt(2, row.seq());
                p.setBytes(3, row.sealed());
                p.executeUpdate();
            }
            return null;
        });
    }

    byte[] meta(String name) {
        return run(() -> {
            try (PreparedStatement p = conn.prepareStatement("SELECT VAL FROM META WHERE NAME = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
    }

    void putMeta(String name, byte[] value) {
        run(() -> {
            try (PreparedStatement p = conn.prepareStatement("MERGE INTO META(NAME, VAL) KEY(NAME) VALUES(?, ?)")) {
                p.setString(1, name);
                p.setBytes(2, value);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Commits and forces the store to disk, so the change survives a crash or power loss. */
    void commitDurably() {
        run(() -> {
            conn.commit();
            try (Statement s = conn.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            return null;
        });
    }

    /** The JDBC connection, for tests that play an attacker editing the raw database. */
    Connection connection() {
        return conn;
    }

    void rollback() {
        try {
            conn.rollback();
        } catch (SQLException e) {
            // the connection is closing or broken; nothing was committed
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw mapped(e, base);
        }
    }

    /** A unit of JDBC work whose SQLException is turned into a VaultException without H2's text. */
    interface Work<T> {
        T run() throws SQLException;
    }

    <T> T run(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw mapped(e, base);
        }
    }

    private static Connection connect(Path base, char[] h2Password, boolean mustExist) {
        String path = base.toAbsolutePath().normalize().toString();
        if (path.indexOf(';') >= 0 || path.indexOf('\0') >= 0) {
            // a ';' would let the path add settings (INIT=...) to H2's URL
            throw new VaultException(Reason.IO, "the home folder's path must not contain ';'");
        }
        String url = "jdbc:h2:file:" + path + ";CIPHER=AES;IFEXISTS=" + (mustExist ? "TRUE" : "FALSE")
                + ";TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0;WRITE_DELAY=0;REUSE_SPACE=FALSE";
        Properties props = new Properties();
        props.setProperty("user", USER);
        // H2 accepts the password as char[] in the properties, which it wipes after use.
        props.put("password", Arrays.copyOf(h2Password, h2Password.length));
        try {
            Connection c = DriverManager.getConnection(url, props);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw mapped(e, base);
        }
    }

    static VaultException mapped(SQLException e, Path base) {
        switch (e.getErrorCode()) {
            case 90049: // encryption error: the file password does not fit
            case 28000: // wrong user or password
                return new VaultException(
                        Reason.DAMAGED,
                        "the vault database vault/" + VaultFiles.DB_FILE
                                + " does not belong to this header (replaced or damaged); restore from a backup");
            case 90020: // database in use
                return new VaultException(
                        Reason.IN_USE, "the vault is in use by another Keyshard process; close it first");
            case 90146: // database not found
            case 90013:
                return new VaultException(Reason.NO_VAULT, "no vault database here: run keyshard init");
            case 90030: // file corrupted
                return new VaultException(
                        Reason.DAMAGED,
                        "the vault database vault/" + VaultFiles.DB_FILE
                                + " is damaged; restore it from a backup (keyshard vault import)");
            case 90048: // unsupported file format
                return new VaultException(
                        Reason.NEWER_VERSION, "the vault database was written by an unsupported H2 version");
            case 90098: // closed: H2 shuts the store after a failed write and takes no more
                return new VaultException(
                        Reason.IO,
                        "the vault database stopped after a failed write"
                                + (DiskSpace.isFull(e, base) ? " (the disk holding the vault is full)" : "")
                                + ": free some space and try again; what was saved before is intact");
            default:
                if (DiskSpace.isFull(e, base)) {
                    return new VaultException(
                            Reason.IO,
                            "the disk holding the vault is full (no space left in " + base.getParent()
                                    + "): this change was not saved; free some space and try again");
                }
                return new VaultException(Reason.IO, "vault database error (H2 code " + e.getErrorCode() + ")");
        }
    }
}
