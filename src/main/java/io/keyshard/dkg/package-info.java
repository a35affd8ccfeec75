/**
 * The key generation protocol of docs/protocol.md (Pedersen DKG with proofs of possession,
 * "PedPoP"), as pure state machines and wire messages: no I/O. The node and the client carry the
 * messages between processes; {@link io.keyshard.dkg.InMemoryDkg} drives it in one process.
 *
 * <h2>Identities and session</h2>
 * A server owns {@link io.keyshard.dkg.IdentityKeys} (Ed25519 signing + X25519 HPKE): made with
 * {@code IdentityKeys.generate(random)} when a server is set up, stored as {@code encoded()} (64 bytes,
 * seal it), reloaded with {@code fromEncoded}. A server publishes {@code keys.participant(name, id)},
 * a {@link io.keyshard.dkg.Participant} record; ids come from
 * {@link io.keyshard.dkg.ServerIds#idFor} (OFFICIAL_1..3 are 1..3, custom servers 4 or more).
 * The coordinator builds a {@link io.keyshard.dkg.SessionSetup} (keyId, 32-byte random nonce, curve
 * API name, threshold, every server's Participant as fetched over its pinned TLS channel).
 * {@link io.keyshard.dkg.Session#of} validates it (an {@link IllegalArgumentException} with a
 * message fit to show) and derives the sessionId that every message and signature binds.
 *
 * <h2>Server side: one {@link io.keyshard.dkg.DkgParticipant} per keyId, kept in memory</h2>
 * <pre>{@code
 * p = DkgParticipant.create(setup, myName, myId, identityKeys, secureRandom);  // checks the setup
 * Round1Message m1 = p.round1();
 * Round2Message m2 = p.round2(new Round2Request(allRound1Messages));
 * Round3Output out = p.round3(new Round3Request(allRound2Messages));
 * seal and store out.share().encoded() durably, then out.share().destroy();
 * out.message() is the signed public result (a Round3Message);  p.abort() drops every secret.
 * }</pre>
 * Every round method throws {@link io.keyshard.dkg.ProtocolException} naming the
 * {@link io.keyshard.dkg.ProtocolCheck} and the culprit ({@code culpritId()}, {@code culpritName()};
 * id 0 is the coordinator). When {@code check().stateViolation()} is true (round repeated, out of
 * order, another session's message, session already ended) the request was refused and nothing
 * changed. Otherwise the session is over and its secrets dropped; {@code getMessage()} names the
 * culprit and never holds a share, secret or keyId. How a caller reports either (status codes,
 * exit codes) is its own business. The participant is thread-safe; each round is answered exactly
 * once, so a caller that lost an answer aborts rather than retries.
 *
 * <h2>Client side: one {@link io.keyshard.dkg.KeygenCoordinator} per keygen</h2>
 * <pre>{@code
 * KeygenCoordinator c = new KeygenCoordinator(setup);     // same checks as the servers
 * send setup to every server -> List<Round1Message>
 * Round2Request r2 = c.round2Request(round1s);            // verifies, names a bad server early
 * send r2 to every server    -> List<Round2Message>
 * Round3Request r3 = c.round3Request(round2s);            // signatures, echoes, reveals
 * send r3 to every server    -> List<Round3Message>
 * AgreedKey key = c.finish(results);                      // identical, as relayed, interpolates to Y
 * vault READY with key.rootPublicKey(), key.chainCode(), key.verificationShares() (by server name);
 * then commit everywhere.   Any exception: abort everywhere, vault FAILED with e.getMessage().
 * }</pre>
 * {@link io.keyshard.dkg.KeygenCoordinator#agree} checks results without the relayed messages
 * (a client resolving a PENDING key after a restart, if it kept the setup).
 *
 * <h2>Wire format</h2>
 * All messages are records of int/String/byte[]/List/Map&lt;Integer, byte[]&gt; (no polymorphism); plain
 * Jackson round-trips them (byte[] as base64 by default). Points are compressed SEC1 or RFC 8032,
 * scalars the curve's fixed-length encoding, signatures 64 bytes, hashes 32 bytes. Every record is
 * checked for counts, lengths and ids before any cryptography, with the sender named.
 *
 * <h2>Trust</h2>
 * The coordinator relays but cannot read shares (HPKE to each recipient, info and aad binding
 * sessionId, sender and recipient), forge messages (Ed25519 over sessionId, round, sender and
 * payload hash) or show servers different round-1 views (the signed echo). It chooses the
 * identity keys in the setup, so servers do not take its word for them: each node checks every
 * other participant against the peers its operator pinned, and marks a share READY only with every
 * server's signed result ({@link io.keyshard.dkg.CommitProof}); docs/protocol.md, Trust model.
 */
package io.keyshard.dkg;
