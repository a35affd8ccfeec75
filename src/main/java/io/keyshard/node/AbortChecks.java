package io.keyshard.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.dkg.AbortProof;
import io.keyshard.dkg.AbortStatement;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.ResultConflict;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Session;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.AbortRequest;
import io.keyshard.wire.AbortResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What a node checks before it aborts a PENDING share that holds its round-3 result (docs/protocol.md, Commit and
 * abort): every other server may hold its result too, and the key may be READY elsewhere, so the abort must prove
 * that no commit of the key can ever pass: the signed statement of a participant that aborted without a result
 * ({@link AbortProof}), or signed results of participants that differ from this server's ({@link ResultConflict}),
 * each from a peer it pins. A refusal changes nothing: the share stays PENDING.
 */
final class AbortChecks {
    private AbortChecks() {}

    /** What an abort body offers as proof: nothing (the empty object), a peer's statement, or signed results. */
    record Proof(AbortStatement statement, List<Round3Message> results) {
        static final Proof NONE = new Proof(null, null);
    }

    static Proof proof(byte[] body) throws ApiException {
        if (isEmptyObject(body)) {
            return Proof.NONE;
        }
        if (ApiExchange.parse(body, JsonNode.class).has("results")) {
            List<Round3Message> results =
                    ApiExchange.parse(body, AbortResults.class).results();
            ApiExchange.noNullEntries(results, "results");
            return new Proof(null, results);
        }
        return new Proof(ApiExchange.parse(body, AbortRequest.class).statement(), null);
    }

    static void verify(ShareStore.Row key, Proof proof, PeerRoster peers, NodeConfig self)
            throws IOException, ApiException {
        KeygenService.PublicResult stored =
                StrictJson.mapper().readValue(key.publicResult(), KeygenService.PublicResult.class);
        if (proof.statement() == null && proof.results() == null) {
            throw ApiException.conflict("abort refused, the share stays PENDING: this server holds its round-3 "
                    + "result, so every server may hold its own and the key can be committed instead; an abort "
                    + "needs the signed statement of a server that aborted without a result, or a server's signed "
                    + "result that differs from this one's");
        }
        Optional<String> refusal = peers.refusal(stored.setup(), self.name());
        if (refusal.isPresent()) {
            throw ApiException.conflict("abort refused, the share stays PENDING: " + refusal.get());
        }
        if (proof.statement() != null) {
            Optional<String> bad = AbortProof.refusal(stored.setup(), self.id(), proof.statement());
            if (bad.isPresent()) {
                throw ApiException.protocol("abort refused, the share stays PENDING: " + bad.get());
            }
            return;
        }
        boolean differs;
        try {
            differs = ResultConflict.disagrees(Session.of(stored.setup()), stored.result(), proof.results());
        } catch (ProtocolException e) {
            throw ApiException.protocol("abort refused, the share stays PENDING: " + e.getMessage());
        }
        if (!differs) {
            throw ApiException.conflict("abort refused, the share stays PENDING: every result it carries equals "
                    + "this server's, so the key can still be committed");
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
