package io.keyshard.client;

import io.keyshard.vault.Vault;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys being generated right now over one open vault, shared by every workspace over it: the app
 * replaces its workspace when the same vault is unlocked again while a key generation of the old one
 * is still running, and settling in the new one must see that generation as in flight, not as a
 * leftover to abort. Keyed by the vault object: one open vault is one object, and a closed one goes.
 */
final class InFlightKeys {
    private static final Map<Vault, Set<UUID>> BY_VAULT = Collections.synchronizedMap(new WeakHashMap<>());

    private InFlightKeys() {}

    /** The live set of keyIds in flight over {@code vault}. */
    static Set<UUID> of(Vault vault) {
        return BY_VAULT.computeIfAbsent(vault, v -> ConcurrentHashMap.newKeySet());
    }
}
