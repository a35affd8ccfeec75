package io.keyshard.curve;

/** How child public keys are derived for a curve (docs/derivation.md, Derivation schemes); stored with every key. */
public enum DerivationScheme {
    BIP32("bip32"),
    SLIP10("slip10"),
    EDWARDS_ADDITIVE("edwards-additive");

    private final String id;

    DerivationScheme(String id) {
        this.id = id;
    }

    /** The identifier stored in records and printed in JSON. */
    public String id() {
        return id;
    }

    public static DerivationScheme parse(String id) {
        for (DerivationScheme s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown derivation scheme '" + id + "': use bip32, slip10 or edwards-additive");
    }
}
