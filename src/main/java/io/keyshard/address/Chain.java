package io.keyshard.address;

import static io.keyshard.curve.CurveName.ED25519;
import static io.keyshard.curve.CurveName.SECP256K1;
import static io.keyshard.curve.CurveName.SECP256K1_SCHNORR;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chains of docs/derivation.md, Chains: each one's {@code --chain} id, the curves it takes, its default
 * path ({@code GET_<CHAIN>_DERIVATION_PATH}) and its address encoder ({@code COMPUTE_<CHAIN>_ADDRESS}).
 *
 * <p>Testnet paths: only the Bitcoin chains switch to coin type 1 (SLIP-44 "Testnet (all coins)"),
 * as BIP-44/84/86 wallets do. EVM, Tron, Cosmos, Solana, Stellar, Sui and Aptos test networks use the
 * same coin type and the same address format as their main networks in the common wallets
 * (MetaMask, TronLink, Keplr, Phantom, SEP-0005, Sui and Aptos wallets), so their paths do not change.
 * did:key has no coin type.
 */
public enum Chain {
    EVM(
            "evm",
            "EVM (Ethereum and compatible chains)",
            "EIP-55 checksummed 0x + last 20 bytes of Keccak-256 of the uncompressed key",
            EnumSet.of(SECP256K1),
            44,
            60,
            false,
            true,
            AccountAddresses::evm),
    BITCOIN_P2PKH(
            "bitcoin-p2pkh",
            "Bitcoin legacy (P2PKH)",
            "Base58Check of version byte + HASH160 of the compressed key",
            EnumSet.of(SECP256K1),
            44,
            0,
            true,
            true,
            BitcoinAddresses::p2pkh),
    BITCOIN_P2WPKH(
            "bitcoin-p2wpkh",
            "Bitcoin native SegWit (P2WPKH)",
            "bech32 witness v0 program HASH160 of the compressed key",
            EnumSet.of(SECP256K1),
            84,
            0,
            true,
            true,
            BitcoinAddresses::p2wpkh),
    BITCOIN_P2TR(
            "bitcoin-p2tr",
            "Bitcoin Taproot (P2TR, BIP-86)",
            "bech32m witness v1 of the BIP-86 tweaked output key",
            EnumSet.of(SECP256K1_SCHNORR),
            86,
            0,
            true,
            true,
            BitcoinAddresses::p2tr),
    TRON(
            "tron",
            "Tron",
            "Base58Check of 0x41 + last 20 bytes of Keccak-256 of the uncompressed key",
            EnumSet.of(SECP256K1),
            44,
            195,
            false,
            true,
            AccountAddresses::tron),
    COSMOS(
            "cosmos",
            "Cosmos Hub",
            "bech32 cosmos1 of HASH160 of the compressed key",
            EnumSet.of(SECP256K1),
            44,
            118,
            false,
            true,
            AccountAddresses::cosmos),
    SOLANA(
            "solana",
            "Solana",
            "Base58 of the 32-byte key",
            EnumSet.of(ED25519),
            44,
            501,
            false,
            false,
            AccountAddresses::solana),
    STELLAR(
            "stellar",
            "Stellar",
            "StrKey G (base32 with CRC16-XModem) of the key",
            EnumSet.of(ED25519),
            44,
            148,
            false,
            false,
            AccountAddresses::stellar),
    SUI(
            "sui",
            "Sui",
            "0x + BLAKE2b-256 of 0x00 flag + key",
            EnumSet.of(ED25519),
            44,
            784,
            false,
            true,
            AccountAddresses::sui),
    APTOS(
            "aptos",
            "Aptos",
            "0x + SHA3-256 of key + 0x00 scheme byte",
            EnumSet.of(ED25519),
            44,
            637,
            false,
            true,
            AccountAddresses::aptos),
    DID_KEY(
            "did-key",
            "did:key identifier",
            "did:key:z + base58btc of multicodec varint + key (compressed point or RFC 8032 bytes)",
            EnumSet.allOf(CurveName.class),
            0,
            -1,
            false,
            false,
            AccountAddresses::didKey);

    private final String id;
    private final String title;
    private final String addressRule;
    private final Set<CurveName> curves;
    private final int purpose;
    private final int coinType;
    private final boolean testnetCoinTypeOne;
    private final boolean changeLevel;
    private final AddressEncoder encoder;

    Chain(
            String id,
            String title,
            String addressRule,
            Set<CurveName> curves,
            int purpose,
            int coinType,
            boolean testnetCoinTypeOne,
            boolean changeLevel,
            AddressEncoder encoder) {
        this.id = id;
        this.title = title;
        this.addressRule = addressRule;
        this.curves = curves;
        this.purpose = purpose;
        this.coinType = coinType;
        this.testnetCoinTypeOne = testnetCoinTypeOne;
        this.changeLevel = changeLevel;
        this.encoder = encoder;
    }

    /** The {@code --chain} value and JSON name. */
    public String id() {
        return id;
    }

    /** A name for people. */
    public String title() {
        return title;
    }

    /** One line on how the address is made from the key, for the UI's address stage. */
    public String addressRule() {
        return addressRule;
    }

    public Set<CurveName> curves() {
        return EnumSet.copyOf(curves);
    }

    public boolean supports(CurveName curve) {
        return curves.contains(curve);
    }

    /**
     * The default path for an account and address index (docs/derivation.md, Chains): {@code m/purpose/coin/a/0/i},
     * {@code m/purpose/coin/a/i} (Solana, Stellar) or {@code m/0/i} (did:key, which has no account level).
     */
    public DerivationPath defaultPath(int account, int index, Network network) {
        checkIndex("account", account);
        checkIndex("index", index);
        if (coinType < 0) {
            if (account != 0) {
                throw new DerivationProblem(
                        DerivationProblem.Kind.NO_ACCOUNT_LEVEL,
                        id,
                        id + " paths have no account level (m/0/i): the account must be 0");
            }
            return DerivationPath.of(0, index);
        }
        int coin = testnetCoinTypeOne && network == Network.TESTNET ? 1 : coinType;
        return changeLevel
                ? DerivationPath.of(purpose, coin, account, 0, index)
                : DerivationPath.of(purpose, coin, account, index);
    }

    /** Whether the default path has a change level ({@code m/purpose/coin/a/change/i}): 0 receives, 1 is change. */
    public boolean hasChangeLevel() {
        return changeLevel && coinType >= 0;
    }

    /** The default path on a branch: {@code change} 0 for receive addresses, 1 for change (chains with that level). */
    public DerivationPath defaultPath(int account, int change, int index, Network network) {
        if (change == 0) {
            return defaultPath(account, index, network);
        }
        if (!hasChangeLevel() || change != 1) {
            throw new DerivationProblem(
                    DerivationProblem.Kind.INDEX_OUT_OF_RANGE, "change", id + " paths have no change branch " + change);
        }
        checkIndex("account", account);
        checkIndex("index", index);
        int coin = testnetCoinTypeOne && network == Network.TESTNET ? 1 : coinType;
        return DerivationPath.of(purpose, coin, account, 1, index);
    }

    /** The account's own path {@code m/purpose/coin/a}, the parent of its receive and change branches; null for did:key. */
    public DerivationPath accountPath(int account, Network network) {
        if (coinType < 0) {
            return null;
        }
        checkIndex("account", account);
        return DerivationPath.of(purpose, testnetCoinTypeOne && network == Network.TESTNET ? 1 : coinType, account);
    }

    private static void checkIndex(String what, int value) {
        if (value < 0) {
            throw new DerivationProblem(
                    DerivationProblem.Kind.INDEX_OUT_OF_RANGE,
                    what,
                    what + " " + value + " must be from 0 to 2147483647 (MPC keys derive only non-hardened levels)");
        }
    }

    /** The address of a public key on this chain; refuses a curve the chain does not take. */
    public Address address(CurveName curve, Point publicKey, Network network) {
        requireCurve(curve);
        return encoder.encode(curve, publicKey, network);
    }

    /** Refuses a curve this chain does not take, listing the chains that do take it. */
    public void requireCurve(CurveName curve) {
        if (!supports(curve)) {
            throw new IllegalArgumentException("chain " + id + " does not take " + curve + " keys (it takes "
                    + curves.stream().map(CurveName::apiName).collect(Collectors.joining(", ")) + "); chains for "
                    + curve + ": " + forCurve(curve).stream().map(Chain::id).collect(Collectors.joining(", ")));
        }
    }

    /** The chains that take keys of {@code curve}. */
    public static List<Chain> forCurve(CurveName curve) {
        return Arrays.stream(values()).filter(c -> c.supports(curve)).toList();
    }

    /** Parses a {@code --chain} value, ignoring case; the message lists every chain. */
    public static Chain parse(String text) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Chain c : values()) {
                if (c.id.equals(t)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown chain '" + text + "': use one of "
                + Arrays.stream(values()).map(Chain::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
