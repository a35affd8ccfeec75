/**
 * The pairwise setup of a threshold ECDSA key (DESIGN.md section 13.4) as pure state machines: for every
 * ordered pair of the key's servers κ endemic base OTs turned into OT-extension seeds, and for every
 * unordered pair a zero-sharing seed agreed by commit and open. No I/O: the node relays the messages,
 * encrypted and signed by {@link io.keyshard.dkg.PeerEnvelope}, and stores what {@link
 * io.keyshard.pairwise.SetupParty#finish} gives.
 */
package io.keyshard.pairwise;
