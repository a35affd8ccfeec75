package io.keyshard.client;

import io.keyshard.vault.KeyStatus;
import java.util.UUID;

/** What {@link WorkspaceClient#resolvePending()} did to one record: its status now and why. */
public record ResolvedKey(UUID keyId, KeyStatus status, String note) {
}
