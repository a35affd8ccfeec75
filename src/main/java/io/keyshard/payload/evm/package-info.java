/**
 * What an EVM key signs, as pure functions: no I/O. The encoders are the project's own (RLP,
 * EIP-191, EIP-712 v4, EIP-1559, EIP-155) on Bouncy Castle's Keccak and the project's secp256k1, checked
 * against published vectors.
 *
 * <ul>
 * <li>{@link io.keyshard.payload.evm.Eip191}: the {@code personal_sign} digest of text or bytes.</li>
 * <li>{@link io.keyshard.payload.evm.TypedData} and {@link io.keyshard.payload.evm.Eip712}: the
 * {@code eth_signTypedData_v4} JSON read strictly, and its digest
 * {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))}.</li>
 * <li>{@link io.keyshard.payload.evm.EvmTransaction}: a transaction from {@code eth_sendTransaction} JSON or a
 * tool's unsigned encoding, {@link io.keyshard.payload.evm.Eip1559Transaction} (type 2) or
 * {@link io.keyshard.payload.evm.LegacyTransaction} (type 0 with EIP-155's chain id); its signing hash; the raw
 * signed transaction. {@link io.keyshard.payload.evm.SignedEip1559} and
 * {@link io.keyshard.payload.evm.SignedLegacy} decode raw bytes back and recover the sender.</li>
 * <li>{@link io.keyshard.payload.evm.EcRecover}: the key and address behind (digest, r, s, v), the
 * check that the signature made by the servers is the derived address's.</li>
 * <li>{@link io.keyshard.payload.evm.TransactionReview} and
 * {@link io.keyshard.payload.evm.TypedDataReview}: what is shown before signing, amounts as exact
 * decimals ({@link io.keyshard.payload.evm.EvmUnits}), the chain by name and its native coin
 * ({@link io.keyshard.payload.evm.EvmChain}), and a token call's recipient, spender and amount read
 * from the call data ({@link io.keyshard.payload.evm.TokenCall}) or a signed permit's
 * ({@link io.keyshard.payload.evm.TypedPermit}), and the site a sign-in message is for
 * ({@link io.keyshard.payload.evm.SiweMessage}).</li>
 * </ul>
 *
 * <pre>{@code
 * EvmTransaction tx = EvmTransaction.parse(json);
 * tx.checkFrom(derivedAddress);                  // refuses a payload of another account
 * show(tx.review());
 * EvmSignature sig = thresholdSign(tx.signingHash()).normalized();
 * byte[] raw = tx.signedEncoding(sig);
 * if (!EcRecover.sameAddress(tx.senderOf(raw), derivedAddress)) { refuse }
 * }</pre>
 * Every refusal is an {@link java.lang.IllegalArgumentException} (exit code 2) whose message names
 * the field or rule.
 */
package io.keyshard.payload.evm;
