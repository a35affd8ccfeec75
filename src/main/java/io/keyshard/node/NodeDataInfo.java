package io.keyshard.node;

import io.keyshard.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a node's data folder holds, read without starting the node (for backups and restores of it). */
public final class NodeDataInfo {
    /** The node's certificate file: its public identity (the SHA-256 of it is the pin clients keep). */
    public static final String CERTIFICATE = "tls-cert.der";

    private NodeDataInfo() {}

    /** True for files that are the node's state; false for its pid file, lock files and H2's lock, trace and temp files. */
    public static boolean isState(String fileName) {
        return !fileName.equals("node.pid")
                && !fileName.endsWith(".lock.db")
                && !fileName.endsWith(OwnerOnlyFiles.LOCK_SUFFIX)
                && !fileName.endsWith(".trace.db")
                && !fileName.endsWith(".tmp")
                && !fileName.startsWith(".tmp-");
    }

    /** True while a node process has the share store open (H2 holds a file lock on it for as long as it runs). */
    public static boolean inUse(Path dataDir) throws IOException {
        Path store = storeFile(dataDir);
        if (!Files.exists(store)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** How many shares the store holds (0 without a store); call only while no node runs on it. */
    public static long sharesHeld(Path dataDir) throws IOException {
        if (!Files.exists(storeFile(dataDir))) {
            return 0;
        }
        String url = "jdbc:h2:file:" + new NodeFiles(dataDir).shareDatabase()
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
        try (Connection c = DriverManager.getConnection(url, "node", "");
                Statement s = c.createStatement();
                ResultSet tables = c.getMetaData().getTables(null, null, "NODE_KEYS", null)) {
            if (!tables.next()) {
                return 0;
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM node_keys WHERE sealed_share IS NOT NULL")) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IOException(
                    "cannot read the share store of " + dataDir + " (database error " + e.getErrorCode() + ")");
        }
    }

    private static Path storeFile(Path dataDir) {
        return dataDir.resolve("shares.mv.db");
    }
}
