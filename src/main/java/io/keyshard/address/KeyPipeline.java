package io.keyshard.address;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.DerivedKey;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import java.util.Map;

/**
 * The derivation half of the workflow in one call, shared by the CLI and the UI: starting key and
 * path -> child public key ({@code COMPUTE_PUBLIC_KEY}) -> address ({@code COMPUTE_<CHAIN>_ADDRESS}).
 */
public final class KeyPipeline {
    private KeyPipeline() {}

    /** Where a derivation starts: the key ({@code m}) and, for keys imported from an xpub, its version. */
    public record Start(ExtendedPublicKey key, XpubVersion xpubVersion) {
        /** A key generation's root key (public key in its curve's encoding, 32-byte chain code). */
        public static Start of(CurveName curve, byte[] publicKey, byte[] chainCode) {
            return new Start(ExtendedPublicKey.root(curve, publicKey, chainCode), null);
        }

        /** An xpub/tpub/ypub/zpub/upub/vpub; its key is read as a BIP-340 key when the chain takes only those. */
        public static Start ofXpub(String xpub, Chain chain) {
            CurveName curve =
                    chain != null && !chain.supports(CurveName.SECP256K1) && chain.supports(CurveName.SECP256K1_SCHNORR)
                            ? CurveName.SECP256K1_SCHNORR
                            : CurveName.SECP256K1;
            if (chain != null) {
                chain.requireCurve(curve);
            }
            Xpub.Imported imported = Xpub.decode(xpub, curve);
            return new Start(imported.key(), imported.version());
        }
    }

    /** Everything one run gives; {@code chain} and {@code address} are null when no chain was asked for. */
    public record Result(
            Chain chain, CurveName curve, Network network, DerivedKey derived, Address address, String xpub) {
        public String derivationPath() {
            return derived.path().toString();
        }

        /** The child public key, hex, in the encoding of docs/derivation.md, Curves. */
        public String publicKey() {
            return Hex.encode(derived.key().publicKey());
        }

        /** Extra values of the address (Taproot's internalKey and outputKey), empty otherwise. */
        public Map<String, String> addressDetails() {
            return address == null ? Map.of() : address.details();
        }
    }

    /**
     * The network to use: the one asked for, else the xpub's, else mainnet; a testnet xpub asked to
     * give mainnet addresses (or the reverse) is refused.
     */
    public static Network network(Start start, Network requested) {
        Network implied =
                start.xpubVersion() == null ? null : start.xpubVersion().network();
        if (requested != null && implied != null && requested != implied) {
            throw new DerivationProblem(
                    DerivationProblem.Kind.NETWORK_MISMATCH,
                    start.xpubVersion().prefix(),
                    "network " + requested + " does not match the "
                            + start.xpubVersion().prefix() + " key, which is for " + implied);
        }
        return requested != null ? requested : implied != null ? implied : Network.MAINNET;
    }

    /**
     * The path to derive: the explicit one if given, else the chain's default for account and index
     * (0 when not given), else {@code m} (the starting key itself).
     */
    public static DerivationPath path(
            Chain chain, DerivationPath explicit, Integer account, Integer index, Network network) {
        if (explicit != null) {
            if (account != null || index != null) {
                throw new DerivationProblem(
                        DerivationProblem.Kind.PATH_AND_INDEX,
                        null,
                        "give either a whole path or an account and index, not both");
            }
            return explicit;
        }
        if (chain == null) {
            if (account != null || index != null) {
                throw new DerivationProblem(
                        DerivationProblem.Kind.INDEX_WITHOUT_CHAIN,
                        null,
                        "an account or index needs a chain to pick a default path; or give a whole path");
            }
            return DerivationPath.ROOT;
        }
        return chain.defaultPath(account == null ? 0 : account, index == null ? 0 : index, network);
    }

    /** Derives {@code path} from the start and, if a chain is given, computes its address. */
    public static Result run(Start start, Chain chain, DerivationPath path, Network network) {
        CurveName curve = start.key().curve();
        if (chain != null) {
            chain.requireCurve(curve);
        }
        DerivedKey derived = PublicDerivation.derive(start.key(), path);
        Address address =
                chain == null ? null : chain.address(curve, derived.key().point(), network);
        String xpub = null;
        if (curve == CurveName.SECP256K1 || curve == CurveName.SECP256K1_SCHNORR) {
            XpubVersion version = start.xpubVersion() != null ? start.xpubVersion() : XpubVersion.of(network);
            xpub = Xpub.encode(derived.key(), version);
        }
        return new Result(chain, curve, network, derived, address, xpub);
    }
}
