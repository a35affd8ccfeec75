package io.keyshard.wire;

/**
 * What {@code node init} and {@code node add-client} print for a client's {@code servers add}
 * (docs/cli.md, JSON shapes): the only time the API key is shown.
 */
public record NodeEntry(String name, int id, String url, String certSha256, String apiKey) {}
