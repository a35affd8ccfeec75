package io.keyshard.node;

import io.keyshard.dkg.CommitProof;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.Session;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.util.Optional;

/**
 * What a node checks before it marks a PENDING share READY (docs/protocol.md, Commit and abort): the
 * key's participants are still the peers it pins, and the commit carries every one's signed round-3
 * result, all equal to its own. A refusal changes nothing: the share stays PENDING.
 */
final class CommitChecks {
    private CommitChecks() {}

    /** The commit body, strictly: a result that is null is malformed input (400) like any other. */
    static CommitRequest parse(byte[] body) throws ApiException {
        CommitRequest request = ApiExchange.parse(body, CommitRequest.class);
        ApiExchange.noNullEntries(request.results(), "results");
        return request;
    }

    static void verify(ShareStore.Row key, CommitRequest request, PeerRoster peers, String selfName)
            throws IOException, ApiException {
        if (key.publicResult() == null) {
            throw ApiException.conflict("this server holds no result for the key, so it cannot be committed");
        }
        KeygenService.PublicResult stored =
                StrictJson.mapper().readValue(key.publicResult(), KeygenService.PublicResult.class);
        Optional<String> refusal = peers.refusal(stored.setup(), selfName);
        if (refusal.isPresent()) {
            throw ApiException.conflict("commit refused, the share stays PENDING: " + refusal.get());
        }
        try {
            CommitProof.verify(Session.of(stored.setup()), stored.result(), request.results());
        } catch (ProtocolException e) {
            throw ApiException.protocol("commit refused, the share stays PENDING: " + e.getMessage());
        }
    }
}
