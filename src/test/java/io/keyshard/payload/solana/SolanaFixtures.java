package io.keyshard.payload.solana;

import io.keyshard.address.Base58;
import java.util.List;

/** Solana wire bytes for tests outside this package: a legacy System-program transfer signed by the given keys. */
public final class SolanaFixtures {
    private SolanaFixtures() {}

    /**
     * A legacy message in which {@code signers} (the first pays the fee) are the required, writable
     * signers, moving 1000 lamports from the first to an account of bytes 0x77.
     */
    public static byte[] transferMessage(List<byte[]> signers) {
        SolanaWire w = new SolanaWire().u8(signers.size(), 0, 1).len(signers.size() + 2);
        signers.forEach(w::raw);
        w.key(0x77).key(0x00).key(0x42).len(1);
        int program = signers.size() + 1;
        w.u8(program).len(2).u8(0, signers.size());
        return w.len(12).u8(2, 0, 0, 0).u8(0xe8, 0x03, 0, 0, 0, 0, 0, 0).bytes();
    }

    /**
     * {@link #transferMessage} after a SetComputeUnitPrice of {@code microLamports} a unit and no unit limit, as a
     * wallet that leaves the limit to the network makes it.
     */
    public static byte[] transferWithUnitPriceOnly(List<byte[]> signers, long microLamports) {
        SolanaWire w = new SolanaWire().u8(signers.size(), 0, 2).len(signers.size() + 3);
        signers.forEach(w::raw);
        w.key(0x77)
                .key(0x00)
                .raw(Base58.decode(InstructionText.COMPUTE_BUDGET))
                .key(0x42)
                .len(2);
        w.u8(signers.size() + 2).len(0).len(9).u8(3);
        for (int i = 0; i < 8; i++) {
            w.u8((int) (microLamports >>> (8 * i)) & 0xff);
        }
        w.u8(signers.size() + 1).len(2).u8(0, signers.size());
        return w.len(12).u8(2, 0, 0, 0).u8(0xe8, 0x03, 0, 0, 0, 0, 0, 0).bytes();
    }

    /**
     * A legacy message in which the first of {@code signers} (paying the fee) hands itself and an account of bytes
     * 0x77 to a program of bytes 0x55 that is not decoded here, with 4 bytes of data: what it moves is unknown.
     */
    public static byte[] undecodedCall(List<byte[]> signers) {
        SolanaWire w = new SolanaWire().u8(signers.size(), 0, 1).len(signers.size() + 2);
        signers.forEach(w::raw);
        w.key(0x77).key(0x55).key(0x42).len(1);
        w.u8(signers.size() + 1).len(2).u8(0, signers.size());
        return w.len(4).u8(9, 9, 9, 9).bytes();
    }

    /** The message as an unsigned transaction: one all-zero signature slot per signer, then the message. */
    public static byte[] unsignedTransaction(byte[] message, int signers) {
        SolanaWire w = new SolanaWire().len(signers);
        for (int i = 0; i < signers; i++) {
            w.raw(new byte[64]);
        }
        return w.raw(message).bytes();
    }
}
