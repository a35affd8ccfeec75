package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.bytes.Hex;
import org.junit.jupiter.api.Test;

/** personal_sign digests: the example of viem's hashMessage documentation (text and raw bytes). */
class Eip191Test {
    @Test
    void hashesTextAsItsUtf8Bytes() {
        assertEquals(
                "d9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68",
                Hex.encode(Eip191.hashText("hello world")));
    }

    @Test
    void hashesHexAsTheBytesItSpells() {
        assertEquals(
                "d9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68",
                Hex.encode(Eip191.hashHex("0x68656c6c6f20776f726c64")));
        assertEquals(Hex.encode(Eip191.hashHex("68656C6C6F20776F726C64")), Hex.encode(Eip191.hashText("hello world")));
        assertThrows(IllegalArgumentException.class, () -> Eip191.hashHex("0x123"));
    }

    @Test
    void theSignerRecoveredFromAPersonalSignSignatureIsTheSigningKey() {
        LocalKey key = new LocalKey("4af1bceebf7f3634ec3cff8a2c38e51178d5d4ce585c52d6043e5e2cc3418bb0");
        byte[] digest = Eip191.hashText("Hello, world!");
        EvmSignature sig = key.sign(digest);
        byte[] wire = sig.encode();
        assertEquals(65, wire.length);
        assertEquals(sig.v(), wire[64]);
        assertEquals(key.address(), EcRecover.recoverAddress(digest, EvmSignature.decode(wire)));
        // A different message recovers some other account, never the signer.
        assertEquals(
                false,
                EcRecover.sameAddress(key.address(), EcRecover.recoverAddress(Eip191.hashText("Hello, world?"), sig)));
    }
}
