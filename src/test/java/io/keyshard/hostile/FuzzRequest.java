package io.keyshard.hostile;

import io.keyshard.node.InProcessNode;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

/**
 * One fuzzed node request. Byte 0: bits 0-3 the endpoint (round1, round2, round3, commit, abort,
 * GET keys, GET identity, GET health, a POST endpoint with GET, an unknown action), bits 4-5 the
 * credentials (valid, none, unknown key, not a bearer token), bit 6 template mode, bit 7 a fresh
 * keyId instead of a live session's. The rest is the body; in template mode it is a splice into
 * a valid body for that round (2 bytes position, 1 byte length removed, the bytes inserted), which
 * lets the fuzzer reach the protocol checks behind the parser.
 */
record FuzzRequest(String method, URI uri, String authorization, byte[] body, UUID keyId) {
    private static final String[] ACTIONS = {"round1", "round2", "round3", "commit", "abort"};

    static FuzzRequest decode(byte[] data, InProcessNode node, LiveSessions live) throws Exception {
        if (data.length == 0) {
            return null;
        }
        int head = data[0] & 0xff;
        int endpoint = (head & 0x0f) % 10;
        boolean template = (head & 0x40) != 0;
        boolean fresh = (head & 0x80) != 0;
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        String auth = switch ((head >> 4) & 0x03) {
            case 0 -> "Bearer " + node.entry.apiKey();
            case 1 -> null;
            case 2 -> "Bearer ksk_" + "B".repeat(43);
            default -> "Basic " + node.entry.apiKey();
        };
        UUID keyId = fresh ? UUID.randomUUID() : endpoint == 2 ? live.afterRound2() : live.afterRound1();
        byte[] body = rest;
        if (template && endpoint <= 2) {
            keyId = endpoint == 0 ? UUID.randomUUID() : keyId;
            body = splice(live.validBody(endpoint, keyId), rest);
        }
        String base = "/v1/keygen/" + keyId + "/";
        return switch (endpoint) {
            case 0, 1, 2, 3, 4 -> new FuzzRequest("POST", uri(base + ACTIONS[endpoint]), auth, body, keyId);
            case 5 -> new FuzzRequest("GET", uri("/v1/keys/" + keyId), auth, body, keyId);
            case 6 -> new FuzzRequest("GET", uri("/v1/identity"), auth, body, keyId);
            case 7 -> new FuzzRequest("GET", uri("/v1/health"), auth, body, keyId);
            case 8 -> new FuzzRequest("GET", uri(base + ACTIONS[rest.length % ACTIONS.length]), auth, body, keyId);
            default -> new FuzzRequest("POST", uri(base + "round4"), auth, body, keyId);
        };
    }

    private static URI uri(String path) {
        return URI.create("https://127.0.0.1:7001" + path);
    }

    /** {@code valid} with {@code edit} applied: 2 bytes position, 1 byte count removed, then the bytes inserted. */
    static byte[] splice(byte[] valid, byte[] edit) {
        if (edit.length < 3) {
            return valid;
        }
        int pos = (((edit[0] & 0xff) << 8) | (edit[1] & 0xff)) % (valid.length + 1);
        int cut = Math.min(edit[2] & 0xff, valid.length - pos);
        byte[] out = new byte[valid.length - cut + edit.length - 3];
        System.arraycopy(valid, 0, out, 0, pos);
        System.arraycopy(edit, 3, out, pos, edit.length - 3);
        System.arraycopy(valid, pos + cut, out, pos + edit.length - 3, valid.length - pos - cut);
        return out;
    }
}
