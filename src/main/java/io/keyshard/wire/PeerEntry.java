package io.keyshard.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A server's public entry as a peer pins it ({@code node peers add}, {@code node peers export}): name, id,
 * where it is reached and its identity keys (Ed25519 {@code signingKey}, X25519 {@code encryptionKey},
 * lowercase hex). It carries no API key. {@code url} and {@code certSha256} are for the operator's eyes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeerEntry(String name, int id, String url, String certSha256, String signingKey, String encryptionKey) {}
