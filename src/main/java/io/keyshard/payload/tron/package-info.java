/**
 * What a Tron (secp256k1) key signs, as pure functions: no I/O.
 * {@link io.keyshard.payload.tron.TronTransaction} reads a transaction's {@code raw_data} (hex, or the JSON
 * TronWeb and the node's HTTP API write) strictly, as protocol buffers a node reads the same way; its one
 * contract is read into a {@link io.keyshard.payload.tron.TronAction} (what it does, in words) for the types a
 * wallet sends, and every other type is refused. The signature is ECDSA over the transaction id, SHA-256 of
 * {@code raw_data}, as {@code r || s || v}.
 *
 * <pre>{@code
 * TronTransaction tx = TronTransaction.parseText(jsonOrHex);
 * show(tx.action(myAddress));                    // refuse when its owner is not myAddress
 * byte[] signature = thresholdSign(tx.txId());   // 65 bytes r || s || v
 * byte[] signed = tx.signedEncoding(signature);  // for /wallet/broadcasthex
 * }</pre>
 */
package io.keyshard.payload.tron;
