package io.keyshard.client;

import java.time.Duration;
import java.util.UUID;

/**
 * The outcome of {@link Workspace#ecdsaSetup}: whether a setup ran now ({@code false}: every pair of the key's
 * servers already had one, at both ends), its setup id (null when none ran), how long it took and how many
 * protocol bytes the client relayed (ciphertexts and signatures, each counted in and out).
 */
public record EcdsaSetupResult(UUID keyId, UUID setupId, boolean ran, Duration took, long bytesRelayed) {}
