package io.keyshard.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bytes kept as the standard padded base64 text a node's JSON carried them in: the coordinator relays a
 * threshold-ECDSA round body (~100 kB) from one node's answer into another node's request as that text,
 * without decoding and encoding it again. It is read only from a JSON string of the base64 alphabet with its
 * padding (what the nodes' byte[] codec writes, and reads back as the same bytes) and written as that string.
 */
@JsonDeserialize(using = Base64Text.Reader.class)
@JsonSerialize(using = Base64Text.Writer.class)
final class Base64Text {
    private static final boolean[] ALPHABET = new boolean[128];

    static {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                .chars()
                .forEach(c -> ALPHABET[c] = true);
    }

    private final byte[] ascii;

    private Base64Text(byte[] ascii) {
        this.ascii = ascii;
    }

    /** The bytes the text stands for. */
    byte[] decode() {
        return Base64.getDecoder().decode(ascii);
    }

    /** The text in {@code chars[offset, offset + length)} when it is standard padded base64, else null. */
    static Base64Text parse(char[] chars, int offset, int length) {
        if (length % 4 != 0) {
            return null;
        }
        int padding =
                length == 0 ? 0 : chars[offset + length - 1] != '=' ? 0 : chars[offset + length - 2] != '=' ? 1 : 2;
        byte[] ascii = new byte[length];
        for (int i = 0; i < length - padding; i++) {
            char c = chars[offset + i];
            if (c >= 128 || !ALPHABET[c]) {
                return null;
            }
            ascii[i] = (byte) c;
        }
        for (int i = length - padding; i < length; i++) {
            ascii[i] = '=';
        }
        return new Base64Text(ascii);
    }

    /** Reads a JSON string of standard padded base64; anything else fails the answer's decoding. */
    static final class Reader extends StdDeserializer<Base64Text> {
        Reader() {
            super(Base64Text.class);
        }

        @Override
        public Base64Text deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Base64Text) ctxt.handleUnexpectedToken(Base64Text.class, p);
            }
            Base64Text text = parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (text == null) {
                throw JsonMappingException.from(p, "a byte field is not standard padded base64");
            }
            return text;
        }
    }

    /** Writes the text back as the JSON string it was read from, as it is (it needs no escaping). */
    static final class Writer extends StdSerializer<Base64Text> {
        Writer() {
            super(Base64Text.class);
        }

        @Override
        public void serialize(Base64Text value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (gen instanceof UTF8JsonGenerator) {
                gen.writeRawUTF8String(value.ascii, 0, value.ascii.length);
            } else {
                gen.writeString(new String(value.ascii, StandardCharsets.US_ASCII));
            }
        }
    }
}
