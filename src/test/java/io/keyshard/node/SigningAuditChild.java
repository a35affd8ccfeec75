package io.keyshard.node;

import io.keyshard.node.SigningAudit.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Test-only child process: records signings in the audit of the folder {@code args[0]} (folding its journal
 * into H2 every {@code args[1]} bytes) until it is killed,
 * printing "begun ID" once begin() returned (the point where a node answers the commitment) and "signed ID"
 * once end(SIGNED) returned (where the share leaves).
 */
public final class SigningAuditChild {
    private SigningAuditChild() {}

    public static void main(String[] args) throws Exception {
        try (SigningAudit audit = SigningAudit.open(new NodeFiles(Path.of(args[0])), Long.parseLong(args[1]))) {
            System.out.println("ready");
            System.out.flush();
            UUID keyId = UUID.randomUUID();
            for (long i = 0; ; i++) {
                UUID signId = UUID.randomUUID();
                if (!audit.begin(signId, "client-a", keyId, "m/0/" + i, new byte[32], List.of(1, 2))) {
                    throw new IllegalStateException("a fresh signId was refused");
                }
                System.out.println("begun " + signId);
                if (i % 2 == 0) {
                    audit.end(signId, Outcome.SIGNED);
                    System.out.println("signed " + signId);
                }
                System.out.flush();
            }
        }
    }
}
