package io.keyshard.hostile;

import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import io.keyshard.wire.SignRound1Request;
import io.keyshard.wire.SignRound2Request;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * One fuzzed sign request. Byte 0: bits 0-1 the action (round1, round2, abort, an unknown one), bits 2-3
 * the credentials (valid, none, unknown key, not a bearer token), bit 4 template mode, bit 5 a fresh
 * signId instead of a live signing's, bit 6 which key (ED25519, SECP256K1_SCHNORR), bit 7 GET instead of
 * POST. The rest is the body; in template mode a splice ({@link FuzzRequest#splice}) into a valid body:
 * round 1 of a fresh signing, the live signing's round 2, or an empty abort.
 */
@SuppressWarnings("ArrayRecordComponent") // body() hands out a copy; equality is never used
record SignFuzzRequest(String method, String action, UUID signId, int key, String authorization, byte[] body) {
    private static final String[] ACTIONS = {"round1", "round2", "abort", "round3"};

    static SignFuzzRequest decode(byte[] data, InProcessNode node, LiveSignings live) throws Exception {
        if (data.length == 0) {
            return null;
        }
        int head = data[0] & 0xff;
        String action = ACTIONS[head & 0x03];
        String auth = switch ((head >> 2) & 0x03) {
            case 0 -> "Bearer " + node.entry.apiKey();
            case 1 -> null;
            case 2 -> "Bearer ksk_" + "B".repeat(43);
            default -> "Basic " + node.entry.apiKey();
        };
        boolean template = (head & 0x10) != 0;
        boolean fresh = (head & 0x20) != 0;
        int key = (head >> 6) & 0x01;
        String method = (head & 0x80) != 0 ? "GET" : "POST";
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        UUID signId = fresh || action.equals("round1")
                ? UUID.randomUUID()
                : live.live(key).signId();
        byte[] body = rest;
        if (template) {
            byte[] valid = switch (action) {
                case "round1" -> StrictJson.mapper().writeValueAsBytes(live.request(key, rest, "m/1/2"));
                case "round2" ->
                    StrictJson.mapper().writeValueAsBytes(live.live(key).round2());
                default -> "{}".getBytes(StandardCharsets.UTF_8);
            };
            body = FuzzRequest.splice(valid, rest);
        }
        return new SignFuzzRequest(method, action, signId, key, auth, body);
    }

    URI uri() {
        return LiveSignings.uri(signId, action);
    }

    boolean post() {
        return method.equals("POST");
    }

    boolean authorized() {
        return authorization != null && authorization.startsWith("Bearer ") && !authorization.contains("ksk_BBB");
    }

    /** The round-1 request this body carries (itself, or inside a round 2), or null when it does not parse. */
    SignRound1Request round1() {
        try {
            if (action.equals("round1")) {
                return InProcessNode.parse(body, SignRound1Request.class);
            }
            return action.equals("round2")
                    ? InProcessNode.parse(body, SignRound2Request.class).request()
                    : null;
        } catch (InProcessNode.Refused e) {
            return null;
        }
    }

    boolean parsesAsRound2() {
        try {
            InProcessNode.parse(body, SignRound2Request.class);
            return true;
        } catch (InProcessNode.Refused e) {
            return false;
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
