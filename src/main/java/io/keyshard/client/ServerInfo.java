package io.keyshard.client;

import java.util.regex.Pattern;

/**
 * The public part of one server in {@code servers.json} (docs/architecture.md, Servers). Its API key is not
 * here: local servers keep theirs in their node folder, remote ones in the vault.
 *
 * @param url        {@code https://host:port}
 * @param id         its DKG identifier (non-zero, distinct among the servers of a key)
 * @param certSha256 the pinned SHA-256 of its TLS certificate (lowercase hex)
 * @param local      true for the embedded cluster's OFFICIAL_1..3
 */
public record ServerInfo(String url, int id, String certSha256, boolean local) {
    private static final Pattern PIN = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern URL = Pattern.compile("https://[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");

    public ServerInfo {
        if (url == null || !URL.matcher(url).matches()) {
            throw new IllegalArgumentException("server url must look like https://host:port");
        }
        if (id < 1) {
            throw new IllegalArgumentException("server id must be a positive integer");
        }
        if (certSha256 == null || !PIN.matcher(certSha256).matches()) {
            throw new IllegalArgumentException("certSha256 must be 64 lowercase hex characters (the certificate pin)");
        }
    }

    /** The same server at another URL (the local cluster's ports change from run to run). */
    public ServerInfo withUrl(String newUrl) {
        return new ServerInfo(newUrl, id, certSha256, local);
    }
}
