package io.keyshard.address;

import io.keyshard.derive.Network;

/**
 * The four version bytes of BIP-32 extended public keys and their SLIP-132 variants; the private
 * versions are known only so that a private key handed in by mistake is named as such.
 */
public enum XpubVersion {
    XPUB("xpub", 0x0488b21e, 0x0488ade4, Network.MAINNET),
    TPUB("tpub", 0x043587cf, 0x04358394, Network.TESTNET),
    YPUB("ypub", 0x049d7cb2, 0x049d7878, Network.MAINNET),
    ZPUB("zpub", 0x04b24746, 0x04b2430c, Network.MAINNET),
    UPUB("upub", 0x044a5262, 0x044a4e28, Network.TESTNET),
    VPUB("vpub", 0x045f1cf6, 0x045f18bc, Network.TESTNET);

    private final String prefix;
    private final int publicVersion;
    private final int privateVersion;
    private final Network network;

    XpubVersion(String prefix, int publicVersion, int privateVersion, Network network) {
        this.prefix = prefix;
        this.publicVersion = publicVersion;
        this.privateVersion = privateVersion;
        this.network = network;
    }

    /** How keys of this version start: {@code xpub}, {@code zpub}, ... */
    public String prefix() {
        return prefix;
    }

    public int publicVersion() {
        return publicVersion;
    }

    int privateVersion() {
        return privateVersion;
    }

    public Network network() {
        return network;
    }

    /** The plain BIP-32 version for a network: {@code xpub} or {@code tpub}. */
    public static XpubVersion of(Network network) {
        return network == Network.MAINNET ? XPUB : TPUB;
    }
}
