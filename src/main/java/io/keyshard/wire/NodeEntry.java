package io.keyshard.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code node init} and {@code node add-client} print for a client's {@code servers add}
 * (docs/cli.md, JSON shapes): the only time the API key is shown. The printed entry also carries the
 * node's identity keys (for {@code node peers add} on its peers, see {@link PeerEntry}); the client's
 * view does not need them, so entries with or without them read the same here.
 */
@JsonIgnoreProperties({"signingKey", "encryptionKey"})
public record NodeEntry(String name, int id, String url, String certSha256, String apiKey) {}
