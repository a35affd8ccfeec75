package io.keyshard.payload.bitcoin;

import static io.keyshard.payload.bitcoin.PsbtFields.OUT_AMOUNT;
import static io.keyshard.payload.bitcoin.PsbtFields.OUT_BIP32_DERIVATION;
import static io.keyshard.payload.bitcoin.PsbtFields.OUT_REDEEM_SCRIPT;
import static io.keyshard.payload.bitcoin.PsbtFields.OUT_SCRIPT;
import static io.keyshard.payload.bitcoin.PsbtFields.OUT_TAP_BIP32_DERIVATION;
import static io.keyshard.payload.bitcoin.PsbtFields.OUT_TAP_INTERNAL_KEY;
import static io.keyshard.payload.bitcoin.PsbtFields.OUT_TAP_TREE;
import static io.keyshard.payload.bitcoin.PsbtFields.OUT_WITNESS_SCRIPT;

import java.util.List;

/** Typed access to one PSBT output map. */
public final class PsbtOutput extends PsbtSection {
    PsbtOutput(PsbtMap map, int version) {
        super(map, version);
    }

    void checkComplete(String where) {
        if (version == 2 && (map.get(OUT_AMOUNT) == null || map.get(OUT_SCRIPT) == null)) {
            throw new IllegalArgumentException(
                    where + ": a version 2 PSBT output must have PSBT_OUT_AMOUNT and PSBT_OUT_SCRIPT");
        }
    }

    public byte[] redeemScript() {
        return map.get(OUT_REDEEM_SCRIPT);
    }

    public byte[] witnessScript() {
        return map.get(OUT_WITNESS_SCRIPT);
    }

    public List<PsbtInput.Derivation> bip32Derivations() {
        return map.derivations(OUT_BIP32_DERIVATION);
    }

    /** Version 2: the amount in satoshis. */
    public long amount() {
        return new BitcoinWireReader(map.get(OUT_AMOUNT), "amount").i64();
    }

    /** Version 2: the output script. */
    public byte[] script() {
        return map.get(OUT_SCRIPT);
    }

    public byte[] tapInternalKey() {
        return map.get(OUT_TAP_INTERNAL_KEY);
    }

    /** The raw PSBT_OUT_TAP_TREE value, or null. */
    public byte[] tapTree() {
        return map.get(OUT_TAP_TREE);
    }

    public List<PsbtInput.TapDerivation> tapBip32Derivations() {
        return map.tapDerivations(OUT_TAP_BIP32_DERIVATION);
    }
}
