/**
 * The pairwise setup of threshold ECDSA (DESIGN.md section 13.4) as pure state machines, one per pair of
 * servers and curve, shared by every key of the two servers: for every ordered pair κ endemic base OTs turned into OT-extension seeds, and for every
 * unordered pair a zero-sharing seed agreed by commit and open. No I/O: the node relays the messages,
 * encrypted and signed by {@link io.keyshard.dkg.PeerEnvelope}, and stores what {@link
 * io.keyshard.pairwise.SetupParty#finish} gives.
 */
package io.keyshard.pairwise;
