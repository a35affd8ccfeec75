package io.keyshard.payload.evm;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.BigIntegers;

/** A token call encoded as the Solidity ABI lays it out, independently of the reader, to check what it read. */
final class AbiEncoding {
    private AbiEncoding() {}

    /** The call data of {@code call}: its selector (keccak of the signature), heads, then tails in order. */
    static byte[] of(TokenCall call) {
        List<byte[]> heads = new ArrayList<>();
        List<byte[]> tails = new ArrayList<>();
        TokenCall.Item first = call.items().isEmpty() ? null : call.items().get(0);
        switch (call.function()) {
            case TRANSFER, APPROVE, INCREASE_ALLOWANCE -> {
                heads.add(address(call.party()));
                heads.add(uint(call.amount()));
            }
            case TRANSFER_FROM -> {
                heads.add(address(call.from()));
                heads.add(address(call.party()));
                heads.add(uint(call.amount()));
            }
            case SET_APPROVAL_FOR_ALL -> {
                heads.add(address(call.party()));
                heads.add(uint(call.approved() ? BigInteger.ONE : BigInteger.ZERO));
            }
            case SAFE_TRANSFER_FROM, SAFE_TRANSFER_FROM_WITH_DATA, MULTI_TOKEN_TRANSFER -> {
                heads.add(address(call.from()));
                heads.add(address(call.party()));
                heads.add(uint(first.id()));
                if (call.function() == TokenCall.Function.MULTI_TOKEN_TRANSFER) {
                    heads.add(uint(first.count()));
                }
            }
            case MULTI_TOKEN_BATCH_TRANSFER -> {
                heads.add(address(call.from()));
                heads.add(address(call.party()));
                tails.add(uints(call.items().stream().map(TokenCall.Item::id).toList()));
                tails.add(uints(call.items().stream().map(TokenCall.Item::count).toList()));
            }
        }
        if (call.data() != null) {
            tails.add(bytes(Hex.decode(call.data(), "data")));
        }
        int offset = 32 * (heads.size() + tails.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] hash = Hashes.keccak256(call.function().signature().getBytes(StandardCharsets.US_ASCII));
        out.write(hash, 0, 4);
        heads.forEach(out::writeBytes);
        for (byte[] tail : tails) {
            out.writeBytes(uint(BigInteger.valueOf(offset)));
            offset += tail.length;
        }
        tails.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] address(String eip55) {
        byte[] word = new byte[32];
        byte[] a = Hex.decode(eip55.substring(2).toLowerCase(Locale.ROOT), "address");
        System.arraycopy(a, 0, word, 12, 20);
        return word;
    }

    private static byte[] uint(BigInteger v) {
        return BigIntegers.asUnsignedByteArray(32, v);
    }

    private static byte[] uints(List<BigInteger> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(uint(BigInteger.valueOf(values.size())));
        values.forEach(v -> out.writeBytes(uint(v)));
        return out.toByteArray();
    }

    private static byte[] bytes(byte[] data) {
        byte[] padded = Arrays.copyOf(data, (data.length + 31) / 32 * 32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(uint(BigInteger.valueOf(data.length)));
        out.writeBytes(padded);
        return out.toByteArray();
    }
}
