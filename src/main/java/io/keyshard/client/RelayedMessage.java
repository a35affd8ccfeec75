package io.keyshard.client;

import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.SignRound1Request;
import java.util.List;

/**
 * A threshold-ECDSA message as the coordinator relays it: the JSON of {@link DklsMessage}, with its body and
 * signature kept as the base64 text the sender's answer carried ({@link Base64Text}) and written into the
 * recipients' requests as it is. The coordinator reads the bytes only where it uses them: the round-3
 * broadcasts it combines, and every message's identity signature when a signing fails.
 */
record RelayedMessage(int sender, int recipient, Base64Text body, Base64Text signature) {
    /** The message as the wire record, its body and signature decoded. */
    DklsMessage decoded() {
        return new DklsMessage(sender, recipient, body.decode(), signature.decode());
    }

    /** A signer's answer to a round ({@code wire.DklsAnswer}'s JSON), its messages relayed as they came. */
    record Answer(int sender, List<RelayedMessage> messages) {}

    /** The body of round 2 and 3 ({@code wire.DklsRoundRequest}'s JSON) with the relayed messages for one signer. */
    record Round(SignRound1Request request, List<RelayedMessage> messages) {}
}
