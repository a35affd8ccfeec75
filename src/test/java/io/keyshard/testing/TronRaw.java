package io.keyshard.testing;

import io.keyshard.address.Base58;
import io.keyshard.bytes.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a Tron transaction's raw_data field by field, as core/Tron.proto numbers them, for tests. */
public final class TronRaw {
    private TronRaw() {}

    /** raw_data of a TransferContract of {@code sun} from {@code from} to {@code to} ({@code T...}). */
    public static byte[] transfer(String from, String to, long sun, long expirationMillis) {
        Message transfer = new Message().address(1, from).address(2, to).varint(3, sun);
        return raw(1, "TransferContract", transfer, expirationMillis, 0);
    }

    /** raw_data of a TriggerSmartContract calling {@code contract} with {@code data}, with a fee limit. */
    public static byte[] call(String from, String contract, byte[] data, long feeLimitSun, long expirationMillis) {
        Message call = new Message().address(1, from).address(2, contract).bytes(4, data);
        return raw(31, "TriggerSmartContract", call, expirationMillis, feeLimitSun);
    }

    /** raw_data holding one contract of {@code type} (its java-tron {@code name}) with {@code parameter}. */
    public static byte[] raw(int type, String name, Message parameter, long expirationMillis, long feeLimitSun) {
        Message any = new Message()
                .bytes(1, ("type.googleapis.com/protocol." + name).getBytes(StandardCharsets.US_ASCII))
                .message(2, parameter);
        Message contract = new Message().varint(1, type).message(2, any);
        Message raw = new Message()
                .bytes(1, new byte[] {0x19, 0x3b})
                .bytes(4, Hex.decode("aaecd88e4e0e7528", "hash"))
                .varint(8, expirationMillis)
                .message(11, contract)
                .varint(14, expirationMillis - 60_000);
        if (feeLimitSun > 0) {
            raw.varint(18, feeLimitSun);
        }
        return raw.build();
    }

    /** A protocol-buffers message written field by field, in the order given. */
    public static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** A length-delimited field. */
        public Message bytes(int number, byte[] bytes) {
            write((long) number << 3 | 2);
            write(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        /** A Tron address field: the 21 bytes of {@code address} ({@code T...}). */
        public Message address(int number, String address) {
            return bytes(number, Base58.decodeCheck(address));
        }

        /** An embedded message. */
        public Message message(int number, Message m) {
            return bytes(number, m.build());
        }

        /** A varint field: int32, int64, enum or bool. */
        public Message varint(int number, long value) {
            write((long) number << 3);
            write(value);
            return this;
        }

        public byte[] build() {
            return out.toByteArray();
        }

        private void write(long value) {
            long v = value;
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
