package io.keyshard.payload.bitcoin;

/** The output script forms this package recognises; only the first three are signed. */
public enum ScriptType {
    P2PKH("P2PKH"),
    P2WPKH("P2WPKH"),
    P2TR("P2TR key path"),
    P2SH("P2SH"),
    P2WSH("P2WSH"),
    OP_RETURN("OP_RETURN data"),
    OTHER("non-standard");

    private final String title;

    ScriptType(String title) {
        this.title = title;
    }

    /** How the review names it. */
    public String title() {
        return title;
    }
}
