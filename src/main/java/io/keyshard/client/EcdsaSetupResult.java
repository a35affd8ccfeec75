package io.keyshard.client;

import java.time.Duration;
import java.util.UUID;

/**
 * The outcome of {@link Workspace#ecdsaSetup}: the setup every server of the key now holds, whether it
 * ran now ({@code false}: every server already held the same complete one), how long it took and how
 * many protocol bytes the client relayed (ciphertexts and signatures, each counted in and out).
 */
public record EcdsaSetupResult(UUID keyId, UUID setupId, boolean ran, Duration took, long bytesRelayed) {}
