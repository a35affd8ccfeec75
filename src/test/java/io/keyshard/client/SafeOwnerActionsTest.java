package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import io.keyshard.vault.KeyRecord;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Safe owner signs besides a Safe transaction: a Safe message (EIP-1271 through the Safe's domain), whose
 * digest is the Safe contract's own message hash, and an on-chain {@code approveHash}; each reads as what it is,
 * with a warning that the Safe itself is committed once enough owners sign.
 */
class SafeOwnerActionsTest {
    private static final String SAFE = "0x5EA1d9A6dDC3A0329378a327746D71A2019eC332";

    @TempDir
    Path home;

    LocalEcdsa.Fixture fx;
    Workspace ws;
    KeyRecord key;

    @BeforeEach
    void open() {
        fx = LocalEcdsa.Fixture.open(home, BigInteger.valueOf(0x5afe));
        ws = fx.ws();
        key = fx.key();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private PreparedPayload prepare(PayloadKind kind, String input) {
        return ws.payloads()
                .prepare(new PayloadRequest(
                        key.keyId(), kind, input.getBytes(StandardCharsets.UTF_8), null, null, null, false));
    }

    /** Safe's own message hash (CompatibilityFallbackHandler.getMessageHashForSafe), computed from its formula. */
    private static byte[] safeMessageHash(BigInteger chainId, String safe, byte[] message) {
        byte[] domainTypeHash = Hashes.keccak256(
                "EIP712Domain(uint256 chainId,address verifyingContract)".getBytes(StandardCharsets.US_ASCII));
        byte[] messageTypeHash = Hashes.keccak256("SafeMessage(bytes message)".getBytes(StandardCharsets.US_ASCII));
        // the constants Safe's source writes out, so that the formula above is Safe's and not a guess
        assertEquals("47e79534a245952e8b16893a336b85a3d9ea9fa8c573f3d803afb92a79469218", Hex.encode(domainTypeHash));
        assertEquals("60b3cbf8b4a223d68d641b3b6ddf9a298e7f33710cf3d3a9d1146b5a6150fbca", Hex.encode(messageTypeHash));
        byte[] domain =
                Hashes.keccak256(concat(domainTypeHash, word(chainId), word(new BigInteger(safe.substring(2), 16))));
        byte[] struct = Hashes.keccak256(concat(messageTypeHash, Hashes.keccak256(message)));
        return Hashes.keccak256(concat(new byte[] {0x19, 0x01}, domain, struct));
    }

    private static byte[] word(BigInteger v) {
        return Hex.decode(String.format("%064x", v), "word");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void aSafeMessageShowsItsSafeAndHashAndSignsSafesOwnMessageHash() {
        byte[] original = Hashes.keccak256("Log in to app.example".getBytes(StandardCharsets.UTF_8));
        String json = "{\"types\":{\"EIP712Domain\":[{\"name\":\"chainId\",\"type\":\"uint256\"},{\"name\":"
                + "\"verifyingContract\",\"type\":\"address\"}],\"SafeMessage\":[{\"name\":\"message\",\"type\":"
                + "\"bytes\"}]},\"primaryType\":\"SafeMessage\",\"domain\":{\"chainId\":\"0x1\","
                + "\"verifyingContract\":\"" + SAFE + "\"},\"message\":{\"message\":\"0x" + Hex.encode(original)
                + "\"}}";
        PreparedPayload p = prepare(PayloadKind.ETH_TYPED, json);
        String review = p.review().text();
        assertTrue(
                p.review()
                        .rows()
                        .contains(new SignReview.Row(
                                "Safe", SAFE + " (this key signs its message as one of its owners)")),
                review);
        assertTrue(
                p.review()
                        .rows()
                        .contains(new SignReview.Row(
                                "Safe message",
                                "0x" + Hex.encode(original)
                                        + " (the hash of the message the Safe signs; the message itself "
                                        + "is not part of what is signed here)")),
                review);
        assertTrue(p.review().warnings().get(0).contains("the Safe itself has signed it (EIP-1271)"), review);
        assertEquals("0x" + Hex.encode(safeMessageHash(BigInteger.ONE, SAFE, original)), p.digest());
    }

    @Test
    void anOwnersApproveHashShowsTheSafeTransactionHashItApproves() {
        String hash = "27a0c4ab" + "11".repeat(28);
        // approveHash(bytes32): the selector Safe's ABI gives it
        String data = "0xd4d9bdcd" + hash;
        String json = "{\"chainId\":\"1\",\"nonce\":\"0\",\"maxPriorityFeePerGas\":\"1000000000\",\"maxFeePerGas\":"
                + "\"30000000000\",\"gas\":\"60000\",\"to\":\"" + SAFE + "\",\"data\":\"" + data + "\"}";
        PreparedPayload p = prepare(PayloadKind.ETH_TX, json);
        String review = p.review().text();
        assertTrue(
                p.review()
                        .rows()
                        .contains(
                                new SignReview.Row("Data", "36 bytes, selector 0xd4d9bdcd: " + "approveHash(bytes32)")),
                review);
        assertTrue(
                p.review()
                        .rows()
                        .contains(new SignReview.Row(
                                "Safe transaction approved",
                                "0x" + hash + " (as this account's owner signature, on the Safe above)")),
                review);
        assertTrue(p.review().warnings().stream().anyMatch(w -> w.startsWith("approveHash approves on chain")), review);
        assertTrue(p.review().warnings().stream().noneMatch(w -> w.contains("not decoded here")), review);
    }
}
