/**
 * Bitcoin payloads a key signs: transactions, PSBTs (BIP-174, BIP-370, BIP-371), their signature
 * hashes, which inputs a key owns, the review shown before signing, finalization, and BIP-380
 * output descriptors for watch-only wallets. Pure: no I/O.
 */
package io.keyshard.payload.bitcoin;
