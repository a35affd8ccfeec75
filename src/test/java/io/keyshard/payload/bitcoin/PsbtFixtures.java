package io.keyshard.payload.bitcoin;

import io.keyshard.crypto.Digests;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.frost.Bip340;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PSBTs that spend one output of a given key (its root public key, as a vault holds it) at a path,
 * for tests outside this package: P2TR key path, P2WPKH and P2PKH, each funded by a made-up
 * previous transaction, paying {@link #EXTERNAL} with a fee.
 */
public final class PsbtFixtures {
    /** A P2WPKH script of nobody's key. */
    public static final byte[] EXTERNAL = Scripts.p2wpkh(Digests.hash160(new byte[] {1, 2, 3}));
    /** The amount every fixture spends, in satoshis; the output pays this less {@link #FEE}. */
    public static final long AMOUNT = 50_000;

    public static final long FEE = 1_000;

    private static final byte[] FOREIGN_TXID = filled(0x5a);

    private PsbtFixtures() {}

    /** A PSBT of {@code version} (0 or 2) spending the BIP-86 P2TR output of {@code root} at {@code path}. */
    public static Psbt p2tr(ExtendedPublicKey root, String path, int version) {
        byte[] internal = Bip340.x(derive(root, path).point());
        byte[] outputKey = Taproot.outputKey(internal, null);
        return new PsbtBuilder(version)
                .input(FOREIGN_TXID, 0)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(AMOUNT, Scripts.p2tr(outputKey)).serialize())
                .in(PsbtFields.IN_TAP_INTERNAL_KEY, new byte[0], internal)
                .in(
                        PsbtFields.IN_TAP_BIP32_DERIVATION,
                        internal,
                        new TapKeyOrigin(List.of(), origin(root, path)).serialize())
                .output(AMOUNT - FEE, EXTERNAL)
                .build();
    }

    /** A version 0 PSBT spending the P2WPKH output of {@code root} at {@code path}. */
    public static Psbt p2wpkh(ExtendedPublicKey root, String path) {
        byte[] pub = derive(root, path).point().encode();
        return new PsbtBuilder(0)
                .input(FOREIGN_TXID, 0)
                .in(
                        PsbtFields.IN_WITNESS_UTXO,
                        new byte[0],
                        new Transaction.TxOut(AMOUNT, Scripts.p2wpkh(Digests.hash160(pub))).serialize())
                .in(PsbtFields.IN_BIP32_DERIVATION, pub, origin(root, path).serialize())
                .output(AMOUNT - FEE, EXTERNAL)
                .build();
    }

    /** A version 0 PSBT spending one P2WPKH output of {@code root} per path, each of {@link #AMOUNT}, in order. */
    public static Psbt p2wpkhInputs(ExtendedPublicKey root, String... paths) {
        PsbtBuilder b = new PsbtBuilder(0);
        for (int i = 0; i < paths.length; i++) {
            byte[] pub = derive(root, paths[i]).point().encode();
            b.input(FOREIGN_TXID, i)
                    .in(
                            PsbtFields.IN_WITNESS_UTXO,
                            new byte[0],
                            new Transaction.TxOut(AMOUNT, Scripts.p2wpkh(Digests.hash160(pub))).serialize())
                    .in(
                            PsbtFields.IN_BIP32_DERIVATION,
                            pub,
                            origin(root, paths[i]).serialize());
        }
        return b.output(AMOUNT * paths.length - FEE, EXTERNAL).build();
    }

    /** A version 0 PSBT spending the P2PKH output of {@code root} at {@code path}, with the whole previous transaction. */
    public static Psbt p2pkh(ExtendedPublicKey root, String path) {
        byte[] pub = derive(root, path).point().encode();
        Transaction funding = new Transaction(
                2,
                List.of(new Transaction.TxIn(FOREIGN_TXID, 3, new byte[0], 0xffffffffL, List.of())),
                List.of(new Transaction.TxOut(AMOUNT, Scripts.p2pkh(Digests.hash160(pub)))),
                0);
        return new PsbtBuilder(0)
                .input(funding.txid(), 0)
                .in(PsbtFields.IN_NON_WITNESS_UTXO, new byte[0], funding.serializeLegacy())
                .in(PsbtFields.IN_BIP32_DERIVATION, pub, origin(root, path).serialize())
                .output(AMOUNT - FEE, EXTERNAL)
                .build();
    }

    /** The previous outputs of every input, as a BIP-341 signature hash commits to them. */
    public static List<Transaction.TxOut> spentOutputs(Psbt psbt) {
        Transaction tx = psbt.unsignedTransaction();
        List<Transaction.TxOut> out = new ArrayList<>();
        for (int i = 0; i < tx.inputs().size(); i++) {
            out.add(psbt.input(i).spentOutput(tx.inputs().get(i).vout()));
        }
        return out;
    }

    private static ExtendedPublicKey derive(ExtendedPublicKey root, String path) {
        return PublicDerivation.derive(root, DerivationPath.parse(path)).key();
    }

    private static KeyOrigin origin(ExtendedPublicKey root, String path) {
        List<Long> indices = new ArrayList<>();
        DerivationPath.parse(path).indices().forEach(i -> indices.add((long) i));
        return new KeyOrigin(root.fingerprint(), indices);
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
