package io.keyshard.payload.tron;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.json.StrictJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A Tron transaction as signed: its {@code raw_data} (core/Tron.proto {@code Transaction.raw}), read strictly,
 * with exactly one contract of a type {@link TronContract} reads. What is signed is the SHA-256 of those bytes,
 * which is also the transaction id; the review is of the bytes, never of a JSON rendering beside them.
 */
public final class TronTransaction {
    private final byte[] raw;
    private final byte[] refBlockBytes;
    private final byte[] refBlockHash;
    private final long expiration;
    private final long timestamp;
    private final long feeLimit;
    private final byte[] memo;
    private final ContractType type;
    private final byte[] parameter;
    private final int permissionId;
    private final List<byte[]> signatures;

    private TronTransaction(byte[] raw, List<byte[]> signatures) {
        this.raw = raw.clone();
        ProtoMessage m = ProtoMessage.parse(raw, "the transaction's raw_data", 1, 3, 4, 8, 10, 11, 14, 18);
        refBlockBytes = exactly(m.bytes(1, "ref_block_bytes"), 2, "ref_block_bytes");
        m.nonNegative(3, "ref_block_num");
        refBlockHash = exactly(m.bytes(4, "ref_block_hash"), 8, "ref_block_hash");
        expiration = m.nonNegative(8, "expiration");
        if (expiration == 0) {
            throw new IllegalArgumentException("the transaction has no expiration: the network refuses it");
        }
        timestamp = m.nonNegative(14, "timestamp");
        feeLimit = m.nonNegative(18, "fee_limit");
        memo = m.bytes(10, "data (memo)");
        List<byte[]> contracts = m.repeated(11, "contract");
        if (contracts.size() != 1) {
            throw new IllegalArgumentException(
                    "the transaction holds " + contracts.size() + " contracts; the network takes exactly one");
        }
        ProtoMessage contract = ProtoMessage.parse(contracts.get(0), "the transaction's contract", 1, 2, 5);
        int number = contract.int32(1, "type");
        type = ContractType.of(number);
        if (type == null) {
            throw new IllegalArgumentException(
                    "the transaction's contract type " + number + " is not one Tron defines");
        }
        if (!type.decoded()) {
            throw new IllegalArgumentException(TronContract.notSigned(type));
        }
        byte[] any = contract.bytes(2, "parameter");
        if (any == null) {
            throw new IllegalArgumentException("the transaction's contract has no parameter");
        }
        ProtoMessage anyMessage = ProtoMessage.parse(any, "the contract's parameter", 1, 2);
        byte[] typeUrl = anyMessage.bytes(1, "type_url");
        if (typeUrl == null || !new String(typeUrl, StandardCharsets.US_ASCII).equals(type.typeUrl())) {
            throw new IllegalArgumentException("the contract's parameter is not a " + type.protoName() + " as its "
                    + "type says: the network refuses it");
        }
        byte[] value = anyMessage.bytes(2, "value");
        parameter = value == null ? new byte[0] : value;
        permissionId = contract.int32(5, "Permission_id");
        if (permissionId < 0) {
            throw new IllegalArgumentException("the transaction's Permission_id is negative");
        }
        action(null);
        for (byte[] s : signatures) {
            if (s.length != 65) {
                throw new IllegalArgumentException("a signature the transaction carries is " + s.length + " bytes; "
                        + "a Tron signature is 65 (r, s and v)");
            }
        }
        this.signatures = signatures.stream().map(byte[]::clone).toList();
    }

    /** The transaction from its {@code raw_data} bytes, with no signature yet. */
    public static TronTransaction parse(byte[] rawData) {
        if (rawData.length == 0) {
            throw new IllegalArgumentException("the Tron transaction is empty");
        }
        return new TronTransaction(rawData, List.of());
    }

    /**
     * The transaction as TronWeb and the node's HTTP API write it (a JSON object with {@code raw_data_hex}, and
     * {@code txID} and {@code signature} when present), or its {@code raw_data} in hex. The JSON's decoded
     * {@code raw_data} is not read: the review is of the bytes signed. A {@code txID} that is not their hash is
     * refused: whoever made the JSON changed one without the other. The answer of {@code triggerSmartContract}
     * ({@code { result, transaction }}) is taken as the transaction it holds.
     */
    public static TronTransaction parseText(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the Tron transaction is empty");
        }
        if (!t.startsWith("{")) {
            return parse(hex(t, "the transaction's raw_data"));
        }
        JsonNode root;
        try {
            root = StrictJson.mapper().readTree(t);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the Tron transaction is not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.has("raw_data_hex") && root.path("transaction").isObject()) {
            // triggerSmartContract answers { result, transaction }: the transaction is inside
            root = root.get("transaction");
        }
        JsonNode rawHex = root.get("raw_data_hex");
        if (rawHex == null || !rawHex.isTextual()) {
            throw new IllegalArgumentException("the Tron transaction JSON has no raw_data_hex: give the transaction "
                    + "as TronWeb's transactionBuilder returns it, or its raw_data in hex");
        }
        List<byte[]> signatures = new ArrayList<>();
        JsonNode sigs = root.get("signature");
        if (sigs != null && !sigs.isNull()) {
            if (!sigs.isArray()) {
                throw new IllegalArgumentException("the transaction's signature must be a list of hex signatures");
            }
            for (JsonNode s : sigs) {
                signatures.add(hex(s.isTextual() ? s.asText() : "", "a signature the transaction carries"));
            }
        }
        TronTransaction tx = new TronTransaction(hex(rawHex.asText(), "raw_data_hex"), signatures);
        JsonNode id = root.get("txID");
        if (id != null && !id.isNull() && !id.asText().toLowerCase(Locale.ROOT).equals(Hex.encode(tx.txId()))) {
            throw new IllegalArgumentException("the transaction's txID is not the SHA-256 of its raw_data_hex: one "
                    + "of them was changed; build the transaction again");
        }
        return tx;
    }

    private static byte[] hex(String text, String what) {
        String s = text.strip();
        s = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return Hex.decode(s, what);
    }

    private static byte[] exactly(byte[] b, int length, String name) {
        if (b == null || b.length != length) {
            throw new IllegalArgumentException("the transaction's " + name + " must be " + length + " bytes: it names "
                    + "the recent block the network checks the transaction against");
        }
        return b;
    }

    /** The transaction id: SHA-256 of {@code raw_data}, the digest a Tron signature is over. */
    public byte[] txId() {
        return Digests.sha256(raw);
    }

    /** The {@code raw_data} bytes. */
    public byte[] rawData() {
        return raw.clone();
    }

    /** What the contract does; {@code self} (a {@code T...} address, or null) is marked as this key. */
    public TronAction action(String self) {
        return TronContract.read(type, parameter, self);
    }

    /** The expiration, in milliseconds since 1970: the network refuses the transaction after it. */
    public long expirationMillis() {
        return expiration;
    }

    /** When it was built, in milliseconds since 1970 (0 when not set). */
    public long timestampMillis() {
        return timestamp;
    }

    /** The most TRX, in sun, the transaction may burn for energy (0 when not set: a contract call then fails). */
    public long feeLimitSun() {
        return feeLimit;
    }

    /** The memo the transaction carries ({@code data}), or null. */
    public byte[] memo() {
        return memo == null ? null : memo.clone();
    }

    /** The account permission it is signed under: 0 the owner, 2 and up an active permission. */
    public int permissionId() {
        return permissionId;
    }

    /** The recent block it names: {@code ref_block_bytes} and {@code ref_block_hash}, hex. */
    public String referenceBlock() {
        return Hex.encode(refBlockBytes) + " / " + Hex.encode(refBlockHash);
    }

    /** Whether the contract is a call of a smart contract (the only kind that burns TRX for energy). */
    public boolean callsContract() {
        return type == ContractType.TRIGGER_SMART;
    }

    /**
     * The account whose key made {@code signature} (65 bytes, v 27/28 or 0/1 as a node takes both) over this
     * transaction, recovered as a node recovers it.
     */
    public String signerOf(byte[] signature) {
        return TronAddress.recover(txId(), signature);
    }

    /** The 65-byte signatures it already carries, in order. */
    public List<byte[]> signatures() {
        return signatures.stream().map(byte[]::clone).toList();
    }

    /**
     * The signed transaction, core/Tron.proto {@code Transaction} ({@code raw_data} and every signature, the ones it
     * carried first): what {@code /wallet/broadcasthex} takes.
     */
    public byte[] signedEncoding(byte[] signature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProtoMessage.writeBytes(out, 1, raw);
        for (byte[] s : signatures) {
            if (!Arrays.equals(s, signature)) {
                ProtoMessage.writeBytes(out, 2, s);
            }
        }
        ProtoMessage.writeBytes(out, 2, signature);
        return out.toByteArray();
    }
}
