/**
 * The node API's vocabulary, shared by node and client: one record per answer with its JSON field
 * names, the key states, the FROST signing requests and answers with {@link io.keyshard.wire.SignTranscript}
 * (what the identity keys sign), the threshold-ECDSA signing messages with
 * {@link io.keyshard.wire.DklsTranscript}, and nothing else (no I/O, no HTTP). The key generation's round
 * messages are the records of {@code io.keyshard.dkg}.
 */
package io.keyshard.wire;
