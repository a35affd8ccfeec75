package io.keyshard.node;

import io.keyshard.dkg.AbortProof;
import io.keyshard.dkg.AbortStatement;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.AbortRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a node checks before it aborts a PENDING share that holds its round-3 result (docs/protocol.md, Commit and
 * abort): every other server may hold its result too, and the key may be READY elsewhere, so the abort must carry
 * the signed statement of a participant that aborted without one ({@link AbortProof}), from a peer it pins. A
 * refusal changes nothing: the share stays PENDING.
 */
final class AbortChecks {
    private AbortChecks() {}

    /** The statement an abort body carries, or null for the empty object older clients send. */
    static AbortStatement statement(byte[] body) throws ApiException {
        if (isEmptyObject(body)) {
            return null;
        }
        return ApiExchange.parse(body, AbortRequest.class).statement();
    }

    static void verify(ShareStore.Row key, AbortStatement statement, PeerRoster peers, NodeConfig self)
            throws IOException, ApiException {
        KeygenService.PublicResult stored =
                StrictJson.mapper().readValue(key.publicResult(), KeygenService.PublicResult.class);
        if (statement == null) {
            throw ApiException.conflict("abort refused, the share stays PENDING: this server holds its round-3 "
                    + "result, so every server may hold its own and the key can be committed instead; an abort "
                    + "needs the signed statement of a server that aborted without a result");
        }
        Optional<String> refusal = peers.refusal(stored.setup(), self.name());
        if (refusal.isPresent()) {
            throw ApiException.conflict("abort refused, the share stays PENDING: " + refusal.get());
        }
        Optional<String> bad = AbortProof.refusal(stored.setup(), self.id(), statement);
        if (bad.isPresent()) {
            throw ApiException.protocol("abort refused, the share stays PENDING: " + bad.get());
        }
    }

    private static boolean isEmptyObject(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() >= 2
                && text.charAt(0) == '{'
                && text.charAt(text.length() - 1) == '}'
                && text.substring(1, text.length() - 1).isBlank();
    }
}
