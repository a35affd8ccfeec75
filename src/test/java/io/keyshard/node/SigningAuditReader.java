package io.keyshard.node;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only: a stopped node's signing audit ({@code signatures.mv.db} and its journal in its data folder):
 * how each signId it saw ended there (COMMITTED, SIGNED, REFUSED, ABORTED, EXPIRED). SIGNED is the only
 * outcome in which the node computed a share.
 */
public final class SigningAuditReader {
    private SigningAuditReader() {}

    /**
     * signId to outcome, for every signing the node of {@code dataDir} recorded; what its journal holds
     * from a kill is folded in first, as the node's next start would (fails while the node runs).
     */
    public static Map<UUID, String> outcomes(Path dataDir) throws Exception {
        SigningAudit.open(new NodeFiles(dataDir)).close();
        Map<UUID, String> out = new HashMap<>();
        String url = "jdbc:h2:file:" + dataDir.resolve("signatures") + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
        try (Connection c = DriverManager.getConnection(url, "node", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sign_id, outcome FROM sign_audit")) {
            while (rs.next()) {
                out.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
        return out;
    }
}
