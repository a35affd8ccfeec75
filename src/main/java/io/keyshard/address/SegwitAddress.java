package io.keyshard.address;

/**
 * Segregated-witness addresses (BIP-173, BIP-350): version 0 in Bech32, versions 1 to 16 in
 * Bech32m, programs of 2 to 40 bytes (20 or 32 for version 0).
 */
public final class SegwitAddress {
    /** A decoded address: witness version and program. */
    public record Program(int version, byte[] program) {
        /** The scriptPubKey it pays to: OP_n, push of the program. */
        public byte[] scriptPubKey() {
            byte[] out = new byte[program.length + 2];
            out[0] = (byte) (version == 0 ? 0 : 0x50 + version);
            out[1] = (byte) program.length;
            System.arraycopy(program, 0, out, 2, program.length);
            return out;
        }
    }

    private SegwitAddress() {}

    public static String encode(String hrp, int version, byte[] program) {
        check(version, program);
        byte[] data5 = Bech32.convertBits(program, 8, 5, true);
        byte[] data = new byte[data5.length + 1];
        data[0] = (byte) version;
        System.arraycopy(data5, 0, data, 1, data5.length);
        return Bech32.encode(hrp, data, version == 0 ? Bech32.Variant.BECH32 : Bech32.Variant.BECH32M);
    }

    /** Decodes an address that must carry the human-readable part {@code hrp} ({@code bc}, {@code tb}). */
    public static Program decode(String hrp, String address) {
        Bech32.Decoded d = Bech32.decode(address);
        if (!d.hrp().equals(hrp)) {
            throw new IllegalArgumentException("address is for '" + d.hrp() + "', expected '" + hrp + "'");
        }
        if (d.data().length == 0) {
            throw new IllegalArgumentException("segwit address has no witness version");
        }
        int version = d.data()[0];
        if (version > 16) {
            throw new IllegalArgumentException("invalid witness version " + version + " (0 to 16)");
        }
        Bech32.Variant expected = version == 0 ? Bech32.Variant.BECH32 : Bech32.Variant.BECH32M;
        if (d.variant() != expected) {
            throw new IllegalArgumentException(
                    "witness version " + version + " must use " + expected + ", not " + d.variant());
        }
        byte[] data5 = new byte[d.data().length - 1];
        System.arraycopy(d.data(), 1, data5, 0, data5.length);
        byte[] program = Bech32.convertBits(data5, 5, 8, false);
        check(version, program);
        return new Program(version, program);
    }

    private static void check(int version, byte[] program) {
        if (version < 0 || version > 16) {
            throw new IllegalArgumentException("invalid witness version " + version + " (0 to 16)");
        }
        if (program.length < 2 || program.length > 40) {
            throw new IllegalArgumentException("invalid witness program length " + program.length + " (2 to 40 bytes)");
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            throw new IllegalArgumentException(
                    "invalid version 0 program length " + program.length + " (20 or 32 bytes)");
        }
    }
}
