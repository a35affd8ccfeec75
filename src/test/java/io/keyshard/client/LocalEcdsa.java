package io.keyshard.client;

import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.payload.bitcoin.Der;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A key whose secret a test knows, made READY in a real vault, and the signatures its threshold signing would
 * return: what the payload service's results are checked with, without servers.
 */
final class LocalEcdsa {
    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");

    private LocalEcdsa() {}

    /** A real vault and workspace in {@code home} holding one READY SECP256k1 key of root {@code secret}. */
    record Fixture(Vault vault, Workspace ws, KeyRecord key) implements AutoCloseable {
        static Fixture open(Path home, BigInteger secret) {
            Vault vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
            Workspace ws = Workspace.open(home, vault);
            return new Fixture(vault, ws, ready(vault, CurveName.SECP256K1, secret));
        }

        @Override
        public void close() {
            ws.close();
            vault.close();
        }
    }

    /** A READY key of {@code curve} in {@code vault} whose root secret is {@code secret}, on two servers. */
    static KeyRecord ready(Vault vault, CurveName curve, BigInteger secret) {
        byte[] pub = curve.curve().encodePublicKey(curve.curve().multiplyBase(secret));
        KeyRecord pending =
                KeyRecord.pending(UUID.randomUUID(), "k", curve, 2, List.of("OFFICIAL_1", "OFFICIAL_2"), Instant.now());
        vault.createPending(pending);
        return vault.markReady(
                pending.keyId(),
                Hex.encode(pub),
                "22".repeat(32),
                Map.of("OFFICIAL_1", Hex.encode(pub), "OFFICIAL_2", Hex.encode(pub)));
    }

    /** What the servers return for {@code digest} signed at {@code path} by {@code key} of root {@code secret}. */
    static SignResult signed(KeyRecord key, BigInteger secret, String path, byte[] digest) {
        ExtendedPublicKey root = Workspace.rootOf(key).key();
        BigInteger tweak =
                PublicDerivation.derive(root, DerivationPath.parse(path)).tweak();
        BigInteger d = secret.add(tweak).mod(SECP.getN());
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, new ECDomainParameters(SECP)));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger s =
                rs[1].compareTo(SECP.getN().shiftRight(1)) > 0 ? SECP.getN().subtract(rs[1]) : rs[1];
        Point pub = CurveName.SECP256K1.curve().multiplyBase(d);
        int recId = EcRecover.recover(digest, new EvmSignature(rs[0], s, 0)).equals(pub) ? 0 : 1;
        String r = String.format("%064x", rs[0]);
        String sh = String.format("%064x", s);
        return new SignResult(
                UUID.randomUUID(),
                key.keyId(),
                CurveName.SECP256K1,
                "ECDSA",
                path,
                Hex.encode(pub.encode()),
                null,
                List.of("OFFICIAL_1", "OFFICIAL_2"),
                Hex.encode(Digests.sha256(digest)),
                r + sh,
                Instant.now(),
                r,
                sh,
                recId,
                Hex.encode(Der.encode(rs[0], s)));
    }
}
