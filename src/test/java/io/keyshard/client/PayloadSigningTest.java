package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.ExitCoded;
import io.keyshard.address.Base58;
import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.derive.Network;
import io.keyshard.derive.PublicDerivation;
import io.keyshard.payload.bitcoin.Bip322;
import io.keyshard.payload.bitcoin.Psbt;
import io.keyshard.payload.bitcoin.PsbtFixtures;
import io.keyshard.payload.bitcoin.Scripts;
import io.keyshard.payload.bitcoin.Sighash;
import io.keyshard.payload.bitcoin.Transaction;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.Eip1559Transaction;
import io.keyshard.payload.evm.Eip191;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.payload.evm.RouterEncoding;
import io.keyshard.payload.evm.SafeTransaction;
import io.keyshard.payload.evm.SignedEip1559;
import io.keyshard.payload.evm.UniversalRouterCall;
import io.keyshard.payload.evm.UniversalRouterCall.Command;
import io.keyshard.payload.evm.UniversalRouterCall.Step;
import io.keyshard.payload.evm.UniversalRouterCallTest;
import io.keyshard.payload.evm.V4Swap;
import io.keyshard.payload.solana.SolanaFixtures;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payload service without servers: {@code prepare} decodes and reviews each ECDSA kind from the vault
 * alone, and the results are checked as the chain checks them, fed with signatures made locally by a key
 * whose secret the test knows (what the threshold signing of that key returns). A signature by another
 * key is refused with exit 5, never returned.
 */
class PayloadSigningTest {
    /** An ERC-721 collection and a recipient for the token transfers' reviews. */
    private static final String NFT_COLLECTION = "0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D";

    private static final String TOKEN_RECIPIENT = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";

    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger SECRET = BigInteger.valueOf(0x5eed_1234_5678L);

    @TempDir
    Path home;

    Vault vault;
    Workspace ws;
    KeyRecord key;

    @BeforeEach
    void open() {
        vault = Vault.create(home, VaultFixtures.pw(), VaultFixtures.LIGHT);
        ws = Workspace.open(home, vault);
        key = ready(CurveName.SECP256K1, SECRET);
    }

    @AfterEach
    void close() {
        ws.close();
        vault.close();
    }

    private KeyRecord ready(CurveName curve, BigInteger secret) {
        return LocalEcdsa.ready(vault, curve, secret);
    }

    private PreparedPayload prepare(PayloadKind kind, byte[] input, boolean finalize) {
        return ws.payloads().prepare(new PayloadRequest(key.keyId(), kind, input, null, null, null, finalize));
    }

    private String evmAddress(String path) {
        return KeyPipeline.run(Workspace.rootOf(key), Chain.EVM, DerivationPath.parse(path), Network.MAINNET)
                .address()
                .value();
    }

    /** What the servers return for {@code digest} signed at {@code path} by the key of {@code secret}. */
    private SignResult signed(BigInteger secret, String path, byte[] digest) {
        return LocalEcdsa.signed(key, secret, path, digest);
    }

    private static byte[] word(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    @Test
    void aTaprootReviewNamesTheInternalKeyAndTheOutputKeyTheSignatureVerifiesUnder() {
        key = ready(CurveName.SECP256K1_SCHNORR, SECRET);
        DerivationPath path = DerivationPath.parse("m/86/0/0/0/0");
        PreparedPayload p = ws.payloads()
                .prepare(new PayloadRequest(
                        key.keyId(),
                        PayloadKind.MESSAGE,
                        "hi".getBytes(StandardCharsets.UTF_8),
                        Chain.BITCOIN_P2TR,
                        path,
                        Network.MAINNET,
                        false));
        KeyPipeline.Result pipeline = KeyPipeline.run(Workspace.rootOf(key), Chain.BITCOIN_P2TR, path, Network.MAINNET);
        List<SignReview.Row> rows = p.review().rows();
        assertTrue(rows.contains(new SignReview.Row("Internal key", pipeline.publicKey())), rows.toString());
        assertTrue(
                rows.contains(new SignReview.Row(
                        SignReview.OUTPUT_KEY, pipeline.addressDetails().get("outputKey"))),
                rows.toString());
        assertTrue(rows.stream().noneMatch(r -> r.label().equals("Public key")), "one name per key: " + rows);
    }

    @Test
    void aDigestIsOfTheCurvesHashLengthOnEveryFaceAndEdDsaSignsTheMessage() {
        key = ready(CurveName.P384, SECRET);
        PreparedPayload p = prepare(PayloadKind.DIGEST, new byte[48], false);
        assertEquals("Digest", p.review().title());
        IllegalArgumentException shortOne =
                assertThrows(IllegalArgumentException.class, () -> prepare(PayloadKind.DIGEST, new byte[32], false));
        assertEquals(
                "a P384 digest is 48 bytes (96 hex digits, the length of the curve's hash); this one has 32",
                shortOne.getMessage());
        key = ready(CurveName.P521, SECRET);
        prepare(PayloadKind.DIGEST, new byte[64], false);
        IllegalArgumentException eddsa =
                assertThrows(IllegalArgumentException.class, () -> SignRequest.checkDigest(CurveName.ED448, 57));
        assertTrue(eddsa.getMessage().contains("sign the message instead"), eddsa.getMessage());
    }

    @Test
    void aKeyIsOfferedTheKindsItsCurveSignsAndRefusedTheOthersWithTheCurveToPick() {
        assertEquals(List.of(PayloadKind.MESSAGE, PayloadKind.SOLANA_TX), PayloadKind.forCurve(CurveName.ED25519));
        assertEquals(
                List.of(
                        PayloadKind.MESSAGE,
                        PayloadKind.DIGEST,
                        PayloadKind.ETH_MESSAGE,
                        PayloadKind.ETH_TYPED,
                        PayloadKind.ETH_TX,
                        PayloadKind.ETH_AUTHORIZATION,
                        PayloadKind.PSBT,
                        PayloadKind.BTC_MESSAGE,
                        PayloadKind.TRON_TX,
                        PayloadKind.TRON_MESSAGE,
                        PayloadKind.TRON_TYPED),
                PayloadKind.forCurve(CurveName.SECP256K1));
        assertEquals(
                List.of(PayloadKind.MESSAGE, PayloadKind.DIGEST, PayloadKind.PSBT, PayloadKind.BTC_MESSAGE),
                PayloadKind.forCurve(CurveName.SECP256K1_SCHNORR));
        for (CurveName curve : List.of(CurveName.P256, CurveName.P384, CurveName.P521)) {
            assertEquals(
                    List.of(PayloadKind.MESSAGE, PayloadKind.DIGEST), PayloadKind.forCurve(curve), curve.apiName());
        }
        assertEquals(List.of(PayloadKind.MESSAGE), PayloadKind.forCurve(CurveName.ED448));
        for (CurveName curve : CurveName.values()) {
            key = ready(curve, SECRET);
            for (PayloadKind kind : PayloadKind.values()) {
                String refusal;
                try {
                    prepare(kind, "{}".getBytes(StandardCharsets.UTF_8), false);
                    refusal = null;
                } catch (IllegalArgumentException e) {
                    refusal = e.getMessage();
                }
                boolean refusedForCurve = refusal != null && refusal.contains("pick a key of");
                assertEquals(
                        !PayloadKind.forCurve(curve).contains(kind),
                        refusedForCurve,
                        kind + " on " + curve.apiName() + ": " + refusal);
                if (refusedForCurve) {
                    assertTrue(
                            refusal.startsWith(kind.title() + " is signed with a key of curve ")
                                    && refusal.contains("this key is " + curve.apiName()),
                            refusal);
                }
            }
        }
    }

    @Test
    void ethMessageIsReviewedThenCheckedByRecoveringTheDerivedAddress() {
        PreparedPayload p = prepare(PayloadKind.ETH_MESSAGE, "hello".getBytes(StandardCharsets.UTF_8), false);
        String address = evmAddress("m/44/60/0/0/0");
        assertEquals(address, p.address());
        assertEquals("m/44/60/0/0/0", p.derivationPath());
        byte[] digest = Eip191.hash("hello".getBytes(StandardCharsets.UTF_8));
        assertEquals("0x" + Hex.encode(digest), p.digest());
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Message", "\"hello\"")),
                p.review().text());
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Address", address)),
                p.review().text());

        PayloadResult r = p.plan().finish(List.of(signed(SECRET, "m/44/60/0/0/0", digest)));
        byte[] sig = Hex.decode(r.signature().substring(2), "signature");
        assertEquals(65, sig.length);
        assertEquals(r.v().intValue(), sig[64]);
        assertTrue(r.v() == 27 || r.v() == 28);
        assertTrue(EcRecover.sameAddress(address, EcRecover.recoverAddress(digest, EvmSignature.decode(sig))));
        assertNull(r.signedTransaction());
        assertEquals("\"hello\"", r.messageShown(), "the result says what was signed, as the review did");

        KeygenException wrong = assertThrows(
                KeygenException.class,
                () -> p.plan().finish(List.of(signed(SECRET.add(BigInteger.ONE), "m/44/60/0/0/0", digest))));
        assertEquals(ExitCoded.PROTOCOL, wrong.exitCode());
        assertTrue(wrong.getMessage().contains("not this key's address"), wrong.getMessage());
    }

    @Test
    void thirtyTwoBinaryBytesAreSignedWithAWarning() {
        PreparedPayload p = prepare(PayloadKind.ETH_MESSAGE, new byte[32], false);
        assertEquals(1, p.review().warnings().size(), p.review().text());
    }

    @Test
    void aTypedDataPermitIsReviewedAsTheApprovalItIs() throws Exception {
        String permit;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/permit-eip2612.json")) {
            permit =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("OWNER", evmAddress("m/44/60/0/0/0"));
        }
        SignReview review = prepare(PayloadKind.ETH_TYPED, permit.getBytes(StandardCharsets.UTF_8), false)
                .review();
        String spender = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";
        String usdc = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
        assertShows(
                review,
                new SignReview.Row("Chain id", "1 (Ethereum)"),
                new SignReview.Row("Spender", spender),
                new SignReview.Row("Token", usdc),
                new SignReview.Row("Amount", "unlimited"),
                new SignReview.Row("Valid until", "2027-01-01 00:00:00 UTC"),
                new SignReview.Row("message.owner", evmAddress("m/44/60/0/0/0") + " (this key)"),
                new SignReview.Row("message.spender", spender));
        assertEquals(
                List.of("this signature is a token approval: " + spender + " may move an unlimited amount of the token "
                        + usdc + " from this address until 2027-01-01 00:00:00 UTC, with no transaction from you; "
                        + "sign only for a site and contract you trust"),
                review.warnings());

        String single;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/permit2-single.json")) {
            single = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SignReview usdt = prepare(PayloadKind.ETH_TYPED, single.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertTrue(usdt.rows().contains(new SignReview.Row("Amount", "250 USDT")), usdt.text());
        assertTrue(usdt.warnings().get(0).contains("may move up to 250 USDT of the token"), usdt.text());
    }

    private SignReview typedReview(String resource, String... replacements) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/" + resource)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("OWNER", evmAddress("m/44/60/0/0/0"));
        }
        for (int i = 0; i < replacements.length; i += 2) {
            json = json.replace(replacements[i], replacements[i + 1]);
        }
        return prepare(PayloadKind.ETH_TYPED, json.getBytes(StandardCharsets.UTF_8), false)
                .review();
    }

    @Test
    void aSafeTransactionShowsWhatItCallsAndWarnsOfADelegateCallAndARefund() throws IOException {
        SignReview batch = typedReview("safe-tx-multisend.json");
        assertShows(
                batch,
                new SignReview.Row("Safe nonce", "6"),
                new SignReview.Row(
                        "Batch",
                        "2 calls, one after another, through Safe's MultiSendCallOnly at "
                                + "0x9641d764fc13c8B624c04430C7356C1C7C8102e2 (a delegate call to Safe's own batching "
                                + "contract)"),
                new SignReview.Row(
                        "Call 2 of 2", "CALL to 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 (the token contract)"),
                new SignReview.Row("Token recipient", "0x1FE27A73Cd9f0b3C53b6E936D0b4F9B2f8ca3367"),
                new SignReview.Row("Token amount", "800 USDC"));
        assertEquals(1, batch.warnings().size(), batch.text());
        assertTrue(
                batch.warnings().get(0).startsWith("a contract call not decoded here (selector 0xdd43a79f)"),
                batch.text());

        SignReview drain = typedReview("safe-tx-delegatecall.json");
        assertShows(
                drain,
                new SignReview.Row(
                        "The call",
                        "DELEGATECALL (runs its code as the Safe) to 0x111CEEee040739fD91D29C34C33E6B3E112F2177 (the "
                                + "Safe itself), sending 0.000000000000001 ETH"),
                new SignReview.Row("Safe setting", "owner 0x0c75Fa5a5F1C0997e3eEA425cFA13184ed0eC9e5, threshold 3"));
        List<String> w = drain.warnings();
        assertTrue(
                w.stream()
                        .anyMatch(x -> x.startsWith("the call is a DELEGATECALL to "
                                + "0x111CEEee040739fD91D29C34C33E6B3E112F2177: its code runs as the Safe itself")),
                drain.text());
        assertTrue(
                w.stream()
                        .anyMatch(x -> x.startsWith(
                                "the call calls the Safe itself " + "(addOwnerWithThreshold(address,uint256))")),
                drain.text());
        assertTrue(
                w.stream()
                        .anyMatch(
                                x -> x.startsWith(
                                        "the Safe pays a gas refund in the token "
                                                + "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2 to 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045")),
                drain.text());

        // a rejection, as Safe's app proposes one: an empty call to the Safe itself for the nonce, nothing to warn of
        SignReview rejection = typedReview(
                "safe-tx-delegatecall.json",
                "\"operation\": 1",
                "\"operation\": 0",
                "\"value\": \"1000\"",
                "\"value\": \"0\"",
                "\"gasPrice\": \"50\"",
                "\"gasPrice\": \"0\"",
                "0x0d582f130000000000000000000000000c75fa5a5f1c0997e3eea425cfa13184ed0ec9e5000000000000000000000000"
                        + "0000000000000000000000000000000000000003",
                "0x");
        assertShows(
                rejection,
                new SignReview.Row(
                        "Rejection",
                        "does nothing but use up the Safe's nonce 234, so no other transaction for that nonce can run"));
        assertEquals(List.of(), rejection.warnings(), rejection.text());
    }

    @Test
    void aTransactionThatExecutesASafeTransactionShowsWhatTheSafeRuns() throws IOException {
        String call;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/safe-exec-transaction.hex")) {
            call = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        String json = "{\"chainId\":\"1\",\"nonce\":\"0\",\"maxPriorityFeePerGas\":\"1000000000\",\"maxFeePerGas\":"
                + "\"30000000000\",\"gas\":\"200000\",\"to\":\"0x5EA1d9A6dDC3A0329378a327746D71A2019eC332\",\"data\":\""
                + call + "\"}";
        SignReview review = prepareEthTx(json, "m/44/60/0/0/0", null).review();
        assertShows(
                review,
                new SignReview.Row("To", "0x5EA1d9A6dDC3A0329378a327746D71A2019eC332 (a Safe, if the contract is one)"),
                new SignReview.Row(
                        "Signatures", "1 of the owners (the Safe checks them against its owners and threshold)"),
                new SignReview.Row(
                        "Call 2 of 2", "CALL to 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 (the token contract)"),
                new SignReview.Row("Token amount", "800 USDC"));
        assertTrue(
                review.rows().stream()
                        .anyMatch(r -> r.label().equals("Data")
                                && r.value().endsWith(": " + SafeTransaction.EXEC_TRANSACTION)),
                review.text());
        assertEquals(1, review.warnings().size(), review.text());
        assertTrue(review.warnings().get(0).startsWith("a contract call not decoded here (selector 0xdd43a79f)"));
    }

    @Test
    void aCowOrderShowsWhatItSellsAndBuysAndWarnsWhenItPaysSomeoneElseOrAsksNothing() throws IOException {
        String self = evmAddress("m/44/60/0/0/0");
        SignReview order = typedReview("cow-order.json");
        assertShows(
                order,
                new SignReview.Row("CoW order", "sell exactly 2000 USDC for at least 0.75 WETH"),
                new SignReview.Row("Receiver", "the order's owner, " + self + " (this key)"),
                new SignReview.Row("Valid until", "2027-01-01 00:00:00 UTC"),
                new SignReview.Row("Fills", "all at once or not at all"));
        assertEquals(List.of(), order.warnings(), order.text());

        String zero = "\"receiver\": \"0x0000000000000000000000000000000000000000\"";
        SignReview elsewhere =
                typedReview("cow-order.json", zero, "\"receiver\": \"0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045\"");
        assertEquals(
                List.of("this CoW order sends what it buys to 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045, not to "
                        + "this key: sign only if you mean to pay that address"),
                elsewhere.warnings());
        assertTrue(
                typedReview("cow-order.json", zero, "\"receiver\": \"" + self + "\"")
                        .warnings()
                        .isEmpty(),
                "the key's own address as receiver");

        SignReview nothing = typedReview(
                "cow-order.json",
                "\"750000000000000000\"",
                "\"0\"",
                "\"buyToken\": \"0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\"",
                "\"buyToken\": \"0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE\"",
                "\"kind\": \"sell\"",
                "\"kind\": \"buy\"");
        assertShows(nothing, new SignReview.Row("CoW order", "buy exactly 0 ETH for at most 2000 USDC"));
        assertEquals(
                List.of("this CoW order asks nothing in return for 2000 USDC: whoever holds the signature can have it "
                        + "settled and take the tokens; do not sign it unless you mean to give them away"),
                nothing.warnings());
    }

    @Test
    void aBatchPermitShowsEveryTokenAndIsWarnedAboutAsOneApproval() throws IOException {
        String router = "0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD";
        SignReview batch = typedReview("permit2-batch.json");
        assertShows(
                batch,
                new SignReview.Row("Spender", router),
                new SignReview.Row(
                        "Token 1 of 2",
                        "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48: unlimited, until 2027-01-01 00:00:00 UTC"),
                new SignReview.Row(
                        "Token 2 of 2",
                        "0xdAC17F958D2ee523a2206206994597C13D831ec7: 250 USDT, until 2026-01-01 00:00:00 UTC"));
        assertEquals(
                List.of("this signature is a token approval of 2 tokens: " + router + " may move up to the amounts "
                        + "shown (1 of them unlimited) from this address until the dates shown, with no transaction "
                        + "from you; sign only for a site and contract you trust"),
                batch.warnings(),
                "one warning that names the spender, instead of the warning for a permit the review cannot read");

        SignReview witness = typedReview("permit2-batch-witness-transfer.json");
        assertShows(
                witness,
                new SignReview.Row("Token 1 of 3", "0x6B175474E89094C44Da98b954EedeAC495271d0F: 1 DAI"),
                new SignReview.Row("Token 2 of 3", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2: 0.5 WETH"),
                new SignReview.Row(
                        "Token 3 of 3", "0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984: 7 (the token's smallest units)"),
                new SignReview.Row("Valid until", "2027-01-01 00:00:00 UTC"));
        assertTrue(
                witness.rows().contains(new SignReview.Row("message.witness.value", "10000000")),
                "the order the transfer pays for is still shown line by line:\n" + witness.text());

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"token\": \"0xdAC17F958D2ee523a2206206994597C13D831ec7\", \"amount\": \"1\"}");
        }
        SignReview long25 = typedReview(
                "permit2-batch-witness-transfer.json",
                "{\"token\": \"0x6B175474E89094C44Da98b954EedeAC495271d0F\", \"amount\": \"1000000000000000000\"},",
                many + ",");
        assertShows(long25, new SignReview.Row("More tokens", "7 more, in the message's lines below"));
        assertTrue(
                long25.warnings().get(0).startsWith("this signature is a token approval of 27 tokens"), long25.text());
    }

    @Test
    void daisPermitReadsAsAnUnlimitedApprovalThatNeverEndsOrAsARevocation() throws IOException {
        SignReview dai = typedReview("permit-dai.json");
        assertShows(
                dai,
                new SignReview.Row("Token", "0x6B175474E89094C44Da98b954EedeAC495271d0F"),
                new SignReview.Row("Amount", "unlimited"),
                new SignReview.Row("Valid until", "no end (it never expires)"));
        assertEquals(1, dai.warnings().size(), dai.text());
        assertTrue(dai.warnings().get(0).contains("may move an unlimited amount of the token"), dai.text());
        SignReview revoke = typedReview("permit-dai.json", "\"allowed\": true", "\"allowed\": false");
        assertShows(revoke, new SignReview.Row("Amount", "0 DAI"));
        assertEquals(List.of(), revoke.warnings(), "a revocation lets nothing move");
    }

    @Test
    void aSignInWithEthereumMessageNamesTheSiteAndWarnsWhenItIsForAnotherAccount() {
        String address = evmAddress("m/44/60/0/0/0");
        String siwe = "app.example.org wants you to sign in with your Ethereum account:\n" + address + "\n\n"
                + "Sign in to the app\n\nURI: https://app.example.org/login\nVersion: 1\nChain ID: 10\n"
                + "Nonce: 8sRk2xQp91\nIssued At: 2026-12-06T12:00:00Z\nExpiration Time: 2026-12-06T12:10:00Z";
        SignReview review = prepare(PayloadKind.ETH_MESSAGE, siwe.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertShows(
                review,
                new SignReview.Row("Sign in to", "app.example.org"),
                new SignReview.Row("As account", address),
                new SignReview.Row("Chain id", "10 (OP Mainnet)"),
                new SignReview.Row("Expiration Time", "2026-12-06T12:10:00Z"));
        assertEquals(
                List.of("this is a sign-in: it proves to app.example.org that you control " + address
                        + "; sign it only if you are signing in to app.example.org yourself, now"),
                review.warnings());

        String other = siwe.replace(address, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")
                .replace("https://app.example.org/login", "https://wallet-drainer.example.net/");
        List<String> warnings = prepare(PayloadKind.ETH_MESSAGE, other.getBytes(StandardCharsets.UTF_8), false)
                .review()
                .warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("which is not this key's address")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("is not on app.example.org")), warnings.toString());
    }

    @Test
    void aSeaportListingSaysWhatItGivesAndWhoIsPaidAndAListingForNothingIsWarnedAbout() throws Exception {
        String offerer = evmAddress("m/44/60/0/0/0");
        String listing = seaportFixture("seaport-listing.json", offerer);
        SignReview review = prepare(PayloadKind.ETH_TYPED, listing.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertShows(
                review,
                new SignReview.Row("Offerer", offerer + " (this key)"),
                new SignReview.Row("Gives", "NFT id 102 of 0x3Fc3a022EB15352D3f5E4e6D6f02BBfC57D9C159"),
                new SignReview.Row("Paid to the offerer", "0.004 ETH"),
                new SignReview.Row("Paid to another", "0.0001 ETH to 0x0000a26b00c1F0DF003000390027140000fAa719"),
                new SignReview.Row("Paid to another", "0.005 ETH to 0xA2695BC9E0e42f7eEac8C80D2E855D9AF9e9667B"),
                new SignReview.Row("Can be filled", "from 2024-03-01 17:37:52 UTC until 2024-03-01 17:55:38 UTC"),
                new SignReview.Row(
                        "Not signed",
                        "message.totalOriginalConsiderationItems: its type does not declare it, so the signature "
                                + "does not cover it"));
        assertTrue(review.warnings().isEmpty(), "a listing at a price:\n" + review.text());

        String forNothing = listing.replaceAll("\"(start|end)Amount\": \"\\d{6,}\"", "\"$1Amount\": \"0\"");
        SignReview drained = prepare(PayloadKind.ETH_TYPED, forNothing.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertShows(drained, new SignReview.Row("Paid to the offerer", "0 ETH"));
        assertTrue(
                drained.warnings().stream().anyMatch(w -> w.contains("gives away what it offers for nothing")),
                "a listing that pays its offerer nothing is how a signature drains a wallet:\n" + drained.text());
    }

    @Test
    void aSeaportBulkListingShowsEachOrderAndWarnsAboutTheOneForNothing() throws Exception {
        String offerer = evmAddress("m/44/60/0/0/0");
        String bulk = seaportFixture("seaport-bulk-listing.json", offerer);
        SignReview review = prepare(PayloadKind.ETH_TYPED, bulk.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertShows(
                review,
                new SignReview.Row("Seaport orders", "4 under this one signature; each can be filled on its own"),
                new SignReview.Row("Order 1: Gives", "NFT id 102 of 0x3Fc3a022EB15352D3f5E4e6D6f02BBfC57D9C159"),
                new SignReview.Row("Order 1: Paid to the offerer", "0.004 ETH"),
                new SignReview.Row("Order 2: Gives", "NFT id 103 of 0x3Fc3a022EB15352D3f5E4e6D6f02BBfC57D9C159"),
                new SignReview.Row("Order 2: Paid to the offerer", "0 ETH"));
        assertTrue(
                review.rows().stream().noneMatch(r -> r.label().startsWith("Order 3")),
                "the empty orders that pad the tree give nothing and are not listed:\n" + review.text());
        assertEquals(
                List.of("Seaport order 2 of 4 gives away what it offers for nothing"),
                review.warnings().stream()
                        .filter(w -> w.contains("for nothing"))
                        .map(w -> w.substring(0, w.indexOf(':')))
                        .toList(),
                review.text());
    }

    @Test
    void aChainIdTheDomainTypeDoesNotDeclareIsNamedAsNotSignedAndWarnedAbout() throws Exception {
        String mail;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/mail.json")) {
            mail = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{\"name\": \"chainId\", \"type\": \"uint256\"},", "");
        }
        SignReview review = prepare(PayloadKind.ETH_TYPED, mail.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertTrue(review.rows().stream().noneMatch(r -> r.label().equals("Chain id")), review.text());
        assertShows(
                review,
                new SignReview.Row(
                        "Not signed",
                        "domain.chainId: its type does not declare it, so the signature does not cover it"));
        assertTrue(
                review.warnings().contains("the domain names no chain id: the signature is valid on every chain"),
                review.text());
    }

    @Test
    void typedDataSignsTheEip712DigestOfTheMailExample() throws Exception {
        byte[] mail;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/mail.json")) {
            mail = in.readAllBytes();
        }
        PreparedPayload p = prepare(PayloadKind.ETH_TYPED, mail, false);
        assertEquals("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", p.digest());
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Primary type", "Mail")),
                p.review().text());
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Domain name", "Ether Mail")),
                p.review().text());
        assertTrue(
                p.review()
                        .rows()
                        .contains(
                                new SignReview.Row("message.to.wallet", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB")),
                p.review().text());
        assertTrue(
                p.review().rows().contains(new SignReview.Row("message.contents", "\"Hello, Bob!\"")),
                p.review().text());
        byte[] digest = Hex.decode(p.digest().substring(2), "digest");
        PayloadResult r = p.plan().finish(List.of(signed(SECRET, "m/44/60/0/0/0", digest)));
        assertTrue(EcRecover.sameAddress(
                evmAddress("m/44/60/0/0/0"),
                EcRecover.recoverAddress(
                        digest, EvmSignature.decode(Hex.decode(r.signature().substring(2), "s")))));
    }

    @Test
    void typedDataOfMoreValuesThanTheReviewListsSaysHowManyAreLeftAndWarns() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < TypedDataRows.MESSAGE_LINES + 20; i++) {
            ids.append(i == 0 ? "" : ",").append(i);
        }
        String json = "{\"types\":{\"EIP712Domain\":[{\"name\":\"chainId\",\"type\":\"uint256\"}],"
                + "\"Batch\":[{\"name\":\"ids\",\"type\":\"uint256[]\"}]},\"primaryType\":\"Batch\","
                + "\"domain\":{\"chainId\":1},\"message\":{\"ids\":[" + ids + "]}}";
        SignReview review = prepare(PayloadKind.ETH_TYPED, json.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertTrue(review.rows().contains(new SignReview.Row("message.ids[99]", "99")), review.text());
        assertFalse(review.rows().stream().anyMatch(r -> r.value().contains("(this key)")), review.text());
        assertTrue(
                review.rows().contains(new SignReview.Row("message", "... and 20 more values, not listed here")),
                review.text());
        assertTrue(
                review.warnings().stream().anyMatch(w -> w.contains("holds 120 values and only the first 100")),
                review.warnings().toString());
    }

    @Test
    void aMessageIsShownWholeForApprovalUpToFourThousandCharactersAndALongerOneSaysHowLong() {
        // a sign-in text whose nonce comes last: a review cut at a few hundred characters hides it
        String terms = "Welcome! Click to sign in and accept the Terms of Service. ".repeat(10) + "Nonce: 7f3a91";
        SignReview whole = prepare(PayloadKind.ETH_MESSAGE, terms.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertTrue(whole.rows().contains(new SignReview.Row("Message", "\"" + terms + "\"")), whole.text());

        String huge = "x".repeat(5_000);
        SignReview cut = prepare(PayloadKind.BTC_MESSAGE, huge.getBytes(StandardCharsets.UTF_8), false)
                .review();
        assertTrue(
                cut.rows()
                        .contains(new SignReview.Row(
                                "Message", "\"" + "x".repeat(4_000) + "\"... (5000 characters in all)")),
                cut.text());
    }

    @Test
    void aBitcoinMessageSignatureByAnotherKeyIsRefusedAndAHighSIsMadeLow() {
        byte[] message = "proof of address".getBytes(StandardCharsets.UTF_8);
        PreparedPayload p = prepare(PayloadKind.BTC_MESSAGE, message, false);
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Path", "m/84/0/0/0/0")),
                p.review().text());
        byte[] digest = Hex.decode(p.digest(), "digest");
        SignResult good = signed(SECRET, "m/84/0/0/0/0", digest);
        // the same signature with s above n/2, as a threshold ECDSA may return it: standard verifiers refuse that
        BigInteger high = SECP.getN().subtract(new BigInteger(good.s(), 16));
        SignResult highS = new SignResult(
                good.signId(),
                good.keyId(),
                good.curve(),
                good.scheme(),
                good.derivationPath(),
                good.publicKey(),
                good.address(),
                good.signers(),
                good.messageSha256(),
                good.signature(),
                good.signedAt(),
                good.r(),
                Hex.encode(word(high)),
                good.recoveryId() ^ 1,
                good.der());
        String signature = p.plan().finish(List.of(highS)).signature();
        byte[] script = Scripts.p2wpkh(Digests.hash160(Hex.decode(good.publicKey(), "key")));
        assertNull(Bip322.check(script, message, signature));

        KeygenException wrong = assertThrows(
                KeygenException.class,
                () -> p.plan().finish(List.of(signed(SECRET.add(BigInteger.ONE), "m/84/0/0/0/0", digest))));
        assertEquals(ExitCoded.PROTOCOL, wrong.exitCode());
        assertTrue(wrong.getMessage().contains("does not verify for " + p.plan().address()), wrong.getMessage());
    }

    @Test
    void transactionIsSignedIntoARawTransactionWhoseSenderIsTheKey() {
        String address = evmAddress("m/44/60/0/0/7");
        String json = "{\"from\":\"" + address + "\",\"chainId\":\"0x1\",\"nonce\":\"5\",\"maxPriorityFeePerGas\":"
                + "\"1000000000\",\"maxFeePerGas\":\"0x9502f9000\",\"gas\":\"21000\",\"to\":"
                + "\"0x000000000000000000000000000000000000dEaD\",\"value\":\"1500000000000000000\",\"data\":\"0x\"}";
        PreparedPayload p = prepareEthTx(json, "m/44/60/0/0/7", null);
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Value", "1.5 ETH")),
                p.review().text());
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Chain id", "1 (Ethereum)")),
                p.review().text());
        byte[] digest = Hex.decode(p.digest().substring(2), "digest");
        PayloadResult r = p.plan().finish(List.of(signed(SECRET, "m/44/60/0/0/7", digest)));
        SignedEip1559 tx = SignedEip1559.decode(Hex.decode(r.signedTransaction().substring(2), "tx"));
        assertTrue(EcRecover.sameAddress(address, tx.sender()));
        assertEquals(r.txHash(), "0x" + Hex.encode(tx.txHash()));
        assertTrue(r.signedTransaction().startsWith("0x02"));
        assertTrue(r.v() == 0 || r.v() == 1);

        IllegalArgumentException other = assertThrows(
                IllegalArgumentException.class,
                () -> prepare(PayloadKind.ETH_TX, json.getBytes(StandardCharsets.UTF_8), false));
        assertTrue(other.getMessage().contains("is not this key's address"), other.getMessage());
    }

    @Test
    void anUnsignedSerialisedTransactionInHexOrBytesIsReviewedAndSignedAsItsJsonIs() {
        String json = "{\"chainId\":\"0x1\",\"nonce\":\"5\",\"maxPriorityFeePerGas\":\"1000000000\","
                + "\"maxFeePerGas\":\"0x9502f9000\",\"gas\":\"21000\",\"to\":"
                + "\"0x000000000000000000000000000000000000dEaD\",\"value\":\"1500000000000000000\"}";
        PreparedPayload fromJson = prepare(PayloadKind.ETH_TX, json.getBytes(StandardCharsets.UTF_8), false);
        byte[] unsigned = Eip1559Transaction.parse(json).unsignedEncoding();
        for (byte[] input :
                List.of(("  0x" + Hex.encode(unsigned) + "\n").getBytes(StandardCharsets.US_ASCII), unsigned)) {
            PreparedPayload p = prepare(PayloadKind.ETH_TX, input, false);
            assertEquals(fromJson.digest(), p.digest());
            assertEquals(fromJson.review().rows(), p.review().rows());
            byte[] digest = Hex.decode(p.digest().substring(2), "digest");
            PayloadResult r = p.plan().finish(List.of(signed(SECRET, "m/44/60/0/0/0", digest)));
            SignedEip1559 tx =
                    SignedEip1559.decode(Hex.decode(r.signedTransaction().substring(2), "tx"));
            assertTrue(EcRecover.sameAddress(evmAddress("m/44/60/0/0/0"), tx.sender()));
        }
        for (String[] bad : new String[][] {
            {
                // a legacy transaction without its chain id (before EIP-155): any chain would take it
                "0xe90a8502540be400825208943535353535353535353535353535353535353535880de0b6b3a764000080", "no chain id"
            },
            {"0x02zz", "hex"},
            {"0x" + Hex.encode(unsigned).substring(0, 20), "RLP"},
        }) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> prepare(PayloadKind.ETH_TX, bad[0].getBytes(StandardCharsets.US_ASCII), false));
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + ": " + e.getMessage());
        }
    }

    @Test
    void aTokenTransferShowsItsRecipientAndAmountAndAnUnlimitedApprovalWarns() {
        String usdc = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
        String recipient = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";
        String word = "0".repeat(24) + recipient.substring(2).toLowerCase(Locale.ROOT);
        String transfer = "0xa9059cbb" + word + "0".repeat(56) + "0ee6b280"; // 250 USDC, 6 decimals
        PreparedPayload prepared = ethTx("137", usdc, transfer);
        assertEquals(
                "EIP-1559 transaction on chain 137 to " + usdc + ", transfer for " + recipient,
                prepared.plan().parts().get(0).description(),
                "the signing history names who receives the tokens");
        SignReview review = prepared.review();
        List<SignReview.Row> rows = review.rows();
        assertTrue(rows.contains(new SignReview.Row("Chain id", "137 (Polygon)")), review.text());
        assertTrue(rows.contains(new SignReview.Row("To", usdc + " (the token contract)")), review.text());
        assertTrue(rows.contains(new SignReview.Row("Value", "0 POL")), review.text());
        assertTrue(rows.contains(new SignReview.Row("Token recipient", recipient)), review.text());
        assertTrue(
                rows.contains(new SignReview.Row("Token amount", "250000000 (the token's smallest units)")),
                "Ethereum's USDC address on Polygon is not a token whose decimals are known:\n" + review.text());
        assertTrue(review.warnings().isEmpty(), review.text());
        SignReview other = ethTx("1", usdc, "0x12345678").review();
        assertTrue(
                other.rows()
                        .contains(new SignReview.Row(
                                "Data", "4 bytes, selector 0x12345678 (a contract call not decoded here)")),
                other.text());
        assertTrue(
                other.warnings().stream()
                        .anyMatch(w -> w.startsWith("a contract call not decoded here (selector 0x12345678)")),
                other.text());
        assertTrue(
                ethTx("1", usdc, "0x").review().warnings().isEmpty(),
                "a plain transfer of the chain's coin calls nothing");
        SignReview onEthereum = ethTx("1", usdc, transfer).review();
        assertTrue(onEthereum.rows().contains(new SignReview.Row("Token amount", "250 USDC")), onEthereum.text());

        String approve = "0x095ea7b3" + word + "f".repeat(64);
        SignReview approval = ethTx("1", usdc, approve).review();
        assertTrue(approval.rows().contains(new SignReview.Row("Spender", recipient)), approval.text());
        assertTrue(
                approval.warnings().stream().anyMatch(w -> w.contains("an unlimited amount of the token " + usdc)),
                approval.text());

        String toContract =
                "0xa9059cbb" + "0".repeat(24) + usdc.substring(2).toLowerCase(Locale.ROOT) + "0".repeat(63) + "1";
        SignReview lost = ethTx("1", usdc, toContract).review();
        assertTrue(lost.warnings().stream().anyMatch(w -> w.contains("the token contract itself")), lost.text());
    }

    @Test
    void aMainNetworkTransactionSignedWithTestnetChosenIsWarnedAbout() {
        String json = "{\"chainId\":\"1\",\"nonce\":\"0\",\"maxPriorityFeePerGas\":\"1\",\"maxFeePerGas\":\"2\","
                + "\"gas\":\"21000\",\"to\":\"0x000000000000000000000000000000000000dEaD\",\"value\":\"1\"}";
        for (Network network : Network.values()) {
            SignReview review = prepareEthTx(json, "m/44/60/0/0/0", network).review();
            assertEquals(
                    network == Network.TESTNET
                            ? List.of("you chose testnet, but this transaction is for Ethereum, a main network whose "
                                    + "coins have value")
                            : List.of(),
                    review.warnings());
        }
    }

    @Test
    void aTransactionTheNetworkWouldRefuseOrThatBurnsItsCoinsIsWarnedAbout() {
        String base = "{\"chainId\":\"1\",\"nonce\":\"0\",\"maxPriorityFeePerGas\":\"1\",\"maxFeePerGas\":\"2\",";
        List<String> lowGas = prepareEthTx(
                        base
                                + "\"gas\":\"20999\",\"to\":\"0x000000000000000000000000000000000000dEaD\",\"value\":\"1\"}",
                        "m/44/60/0/0/0",
                        null)
                .review()
                .warnings();
        assertEquals(
                List.of("the gas limit 20999 is below 21000, the least any transaction uses: the network refuses it; "
                        + "have the wallet estimate the gas and make the transaction again"),
                lowGas);
        String zero = "\"to\":\"0x0000000000000000000000000000000000000000\"";
        assertEquals(
                List.of("the coins go to the zero address: coins sent there are lost for good"),
                prepareEthTx(base + "\"gas\":\"21000\"," + zero + ",\"value\":\"0x1\"}", "m/44/60/0/0/0", null)
                        .review()
                        .warnings());
        assertEquals(
                List.of(),
                prepareEthTx(base + "\"gas\":\"21000\"," + zero + ",\"value\":\"0\"}", "m/44/60/0/0/0", null)
                        .review()
                        .warnings(),
                "no coins move: nothing is lost");
    }

    @Test
    void anNftSafeTransferShowsItsOwnerRecipientAndIdAndIsNotABlindCall() {
        String collection = NFT_COLLECTION;
        String owner = evmAddress("m/44/60/0/0/0");
        String data = "0x42842e0e" + "0".repeat(24) + owner.substring(2).toLowerCase(Locale.ROOT) + "0".repeat(24)
                + TOKEN_RECIPIENT.substring(2).toLowerCase(Locale.ROOT) + "0".repeat(60) + "1f40"; // id 8000
        SignReview review = ethTx("1", collection, data).review();
        assertShows(
                review,
                new SignReview.Row("NFT owner", owner + " (this key)"),
                new SignReview.Row("NFT recipient", TOKEN_RECIPIENT),
                new SignReview.Row("NFT id", "8000"));
        assertTrue(
                review.warnings().isEmpty(),
                "a decoded transfer is not a call the review cannot show:\n" + review.text());
    }

    @Test
    void aMultiTokenBatchShowsEveryTokenItMovesAndTheDataItHandsOn() {
        String collection = "0x76BE3b62873462d2142405439777e971754E8E77";
        String owner = evmAddress("m/44/60/0/0/0");
        String data = "0x2eb2c2d6" + word(owner) + word(TOKEN_RECIPIENT) + word(160) + word(256) + word(352)
                + word(2) + word(10_001) + word(42) // ids
                + word(2) + word(3) + word(1) // amounts, in the ids' order
                + word(2) + "beef" + "0".repeat(60); // two bytes for the recipient's hook
        SignReview review = ethTx("1", collection, data).review();
        assertShows(
                review,
                new SignReview.Row("To", collection + " (the token contract)"),
                new SignReview.Row("Token owner", owner + " (this key)"),
                new SignReview.Row("Token recipient", TOKEN_RECIPIENT),
                new SignReview.Row("Token 1 of 2", "id 10001, amount 3"),
                new SignReview.Row("Token 2 of 2", "id 42, amount 1"),
                new SignReview.Row("Data for the recipient", "2 bytes, passed to the recipient's contract: 0xbeef"));
        assertTrue(review.warnings().isEmpty(), "a decoded transfer is not a blind call:\n" + review.text());
        SignReview toSelf = ethTx("1", NFT_COLLECTION, "0x42842e0e" + word(TOKEN_RECIPIENT) + word(owner) + word(1))
                .review();
        assertShows(
                toSelf,
                new SignReview.Row("NFT owner", TOKEN_RECIPIENT),
                new SignReview.Row("NFT recipient", owner + " (this key)"));

        String burned = "0xf242432a" + word(owner) + word("0x0000000000000000000000000000000000000000") + word(7)
                + word(1) + word(160) + word(0);
        SignReview toZero = ethTx("1", collection, burned).review();
        assertShows(
                toZero,
                new SignReview.Row("Token", "id 7, amount 1"),
                new SignReview.Row("Data for the recipient", "none"));
        assertTrue(
                toZero.warnings().stream().anyMatch(w -> w.contains("the zero address")),
                "tokens sent to the zero address are lost:\n" + toZero.text());
    }

    @Test
    void anNftTransferWithLongDataShowsItsFirstBytesAndHowManyMore() {
        String collection = NFT_COLLECTION;
        String owner = evmAddress("m/44/60/0/0/0");
        String hook = "ab".repeat(100);
        String data = "0xb88d4fde" + word(owner) + word(TOKEN_RECIPIENT) + word(8000) + word(128) + word(100) + hook
                + "0".repeat(56);
        SignReview review = ethTx("1", collection, data).review();
        assertTrue(review.rows().contains(new SignReview.Row("NFT id", "8000")), review.text());
        assertTrue(
                review.rows()
                        .contains(new SignReview.Row(
                                "Data for the recipient",
                                "100 bytes, passed to the recipient's contract: 0x" + "ab".repeat(64)
                                        + "... and 36 more bytes")),
                review.text());
    }

    /** A Seaport fixture whose orders are offered by {@code offerer} instead of the wallet that listed them. */
    private static String seaportFixture(String name, String offerer) throws IOException {
        try (InputStream in = PayloadSigningTest.class.getResourceAsStream("/io/keyshard/payload/evm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("0xAB3f74BF693Cd9cF123A31838357625ce3e5c0d2", offerer);
        }
    }

    /** Asserts that {@code review} shows each of {@code rows}, label and value exactly. */
    private static void assertShows(SignReview review, SignReview.Row... rows) {
        for (SignReview.Row row : rows) {
            assertTrue(review.rows().contains(row), row + " in\n" + review.text());
        }
    }

    /** An ABI word: an address right-aligned, or an unsigned number. */
    private static String word(String address) {
        return "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
    }

    private static String word(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(64 - hex.length()) + hex;
    }

    @Test
    void aPermit2AllowanceSetByTransactionIsShownAndWarnedAboutLikeAPermit() {
        // approve(USDC, spender, 1.23 USDC, 2025-06-06 23:34:08 UTC) sent to Permit2, as a wallet's test records it
        String spender = "0x0c54FcCd2e384b4BB6f2E405Bf5Cbc15a017AaFb";
        String data = "0x87517c45" + word("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48") + word(spender)
                + word(1_230_000) + word(0x68437af0L);
        SignReview review =
                ethTx("1", "0x000000000022D473030F116dDEE9F6B43aC78BA3", data).review();
        assertShows(
                review,
                new SignReview.Row(
                        "To", "0x000000000022D473030F116dDEE9F6B43aC78BA3 (Permit2, the allowance contract)"),
                new SignReview.Row("Spender", spender),
                new SignReview.Row("Token", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"),
                new SignReview.Row("Amount", "1.23 USDC"),
                new SignReview.Row("Valid until", "2025-06-06 23:34:08 UTC"));
        assertEquals(1, review.warnings().size(), review.text());
        assertTrue(
                review.warnings()
                        .get(0)
                        .startsWith(
                                "this transaction sets a Permit2 allowance: " + spender + " may move up to 1.23 USDC"),
                review.text());

        SignReview elsewhere = ethTx("1", TOKEN_RECIPIENT, data).review();
        assertTrue(
                elsewhere.warnings().contains("the call 0x87517c45 approves a spender for your tokens"),
                "the same call to another contract is not read, but still named an approval:\n" + elsewhere.text());
        SignReview thisBlock = ethTx(
                        "1",
                        "0x000000000022D473030F116dDEE9F6B43aC78BA3",
                        data.substring(0, data.length() - 64) + word(0))
                .review();
        assertShows(thisBlock, new SignReview.Row("Valid until", "the end of the block this transaction is in"));
    }

    @Test
    void wrappingAndUnwrappingTheChainsCoinAreShownInWords() {
        String weth = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
        String self = evmAddress("m/44/60/0/0/0") + " (this key)";
        SignReview wrap =
                ethTxWithValue(weth, "1500000000000000000", "0xd0e30db0").review();
        assertShows(
                wrap,
                new SignReview.Row("To", weth + " (WETH, the wrapped ETH contract)"),
                new SignReview.Row("Data", "4 bytes, selector 0xd0e30db0: deposit()"),
                new SignReview.Row("Wraps", "1.5 ETH into 1.5 WETH, credited to the sender " + self));
        assertEquals(List.of(), wrap.warnings(), "wrapping is shown, not warned about as a call not decoded");

        String withdraw = "0x2e1a7d4d" + word(250_000_000_000_000_000L);
        SignReview unwrap = ethTx("1", weth, withdraw).review();
        assertShows(
                unwrap,
                new SignReview.Row("Data", "36 bytes, selector 0x2e1a7d4d: withdraw(uint256)"),
                new SignReview.Row("Unwraps", "0.25 WETH into 0.25 ETH, paid to the sender " + self));
        assertEquals(List.of(), unwrap.warnings(), unwrap.text());

        SignReview paying = ethTxWithValue(weth, "1", withdraw).review();
        assertTrue(
                paying.warnings()
                        .contains("the transaction also sends 0.000000000000000001 ETH to WETH's withdraw, which "
                                + "accepts no coins: it fails, and its fee is still paid"),
                paying.text());
        assertTrue(
                ethTx("1", weth, "0xd0e30db0")
                        .review()
                        .warnings()
                        .contains("the transaction wraps nothing: its value is 0; it only pays its fee"),
                "a deposit of nothing");
        SignReview elsewhere =
                ethTxWithValue(TOKEN_RECIPIENT, "1", "0xd0e30db0").review();
        assertFalse(
                elsewhere.rows().stream().anyMatch(r -> r.label().equals("Wraps")),
                "deposit() sent to a contract that is not the wrapped coin is not read:\n" + elsewhere.text());
        assertTrue(
                elsewhere.warnings().stream().anyMatch(w -> w.startsWith("a contract call not decoded here")),
                elsewhere.text());
    }

    @Test
    void aUniswapSwapIsShownStepByStep() throws IOException {
        String router = "0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD";
        String self = evmAddress("m/44/60/0/0/0") + " (this key)";
        String data = recordedCall("uniswap-router-eth-to-usdc.hex");
        SignReview swap = ethTxWithValue(router, "10000000000000000", data).review();
        assertShows(
                swap,
                new SignReview.Row("To", router + " (Uniswap Universal Router)"),
                new SignReview.Row("Data", "964 bytes, selector 0x3593564c: execute(bytes,bytes[],uint256)"),
                new SignReview.Row("Deadline", "2024-05-03 21:06:23 UTC"),
                new SignReview.Row("Step 1 of 4", "wrap 0.01 ETH into WETH, to the router, for a later step"),
                new SignReview.Row(
                        "Step 2 of 4",
                        "swap 0.01 WETH for at least 29.538791 USDC on Uniswap v3 (WETH → 0.3% pool → USDC), paid "
                                + "from what the router holds, to the router, for a later step"),
                new SignReview.Row(
                        "Step 3 of 4",
                        "pay 0.25% of the USDC the router holds to 0x27213E28D7fDA5c57Fe9e5dD923818DBCcf71c47"),
                new SignReview.Row(
                        "Step 4 of 4",
                        "send all the router holds of USDC (at least 29.538791 USDC) to the sender " + self));
        assertEquals(
                List.of("the router's deadline, 2024-05-03 21:06:23 UTC, has passed: the transaction would fail on "
                        + "chain and still pay for the gas it used; have the app make the transaction again"),
                swap.warnings(),
                "a swap made in 2024; the steps are shown, so no warning for a call not decoded");
        String fresh = data.replace(word(0x663551cfL), word(YEAR_2100));
        assertEquals(
                List.of(),
                ethTxWithValue(router, "10000000000000000", fresh).review().warnings());

        SignReview route = ethTxWithValue(
                        "0xEf1c6E67703c7BD7107eed8303Fbe6EC2554BF6B",
                        "2000000000000000000",
                        recordedCall("uniswap-router-v1-eth-usdc-v3-v2.hex")
                                .replace(word(0x63e2d99fL), word(YEAR_2100)))
                .review();
        assertTrue(
                route.rows()
                        .get(route.rows().size() - 2)
                        .value()
                        .endsWith("to the Uniswap v2 pool the next step swaps in"),
                "the v3 step pays straight into the v2 pool its CREATE2 address names:\n" + route.text());
        assertEquals(List.of(), route.warnings(), route.text());

        String least = "0000000000000000000000000000000000000000000000000000000001c2b9e7";
        SignReview anyAmount = ethTxWithValue(router, "10000000000000000", data.replace(least, "0".repeat(64)))
                .review();
        assertTrue(
                anyAmount
                        .warnings()
                        .contains("no step sets a least amount to receive: a bot that trades just before "
                                + "this swap can take almost all of it; have the app set a slippage limit and make the "
                                + "transaction again"),
                anyAmount.text());
        String toSender = "0".repeat(63) + "1" + least;
        String toStranger = "0".repeat(24) + "d8da6bf26964af9d7eed9e03e53415d37aa96045" + least;
        SignReview thief = ethTxWithValue(router, "10000000000000000", data.replace(toSender, toStranger))
                .review();
        assertTrue(
                thief.warnings()
                        .contains("step 4 of 4 sends what it moves to 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045, "
                                + "not to this key: sign only if you mean to pay that address"),
                thief.text());
        SignReview unused = ethTxWithValue(router, "10000000000000000", data.replace("40b000604", "40c000604"))
                .review();
        assertTrue(
                unused.warnings()
                        .contains("the transaction sends 0.01 ETH to the router, but no step uses it: it stays "
                                + "in the router, where anyone can take it"),
                unused.text());
    }

    @Test
    void aTokenSoldThroughUniswapWithAPermitShowsTheAllowanceItSets() throws IOException {
        String router = "0x66a9893cC07D91D95644AEDD05D03f95e1dBA8Af";
        String self = evmAddress("m/44/60/0/0/0");
        // the recorded swap sweeps the USDC to its sender: here the sender is this key
        String data = recordedCall("uniswap-router-permit2-token-to-usdc.hex")
                .replace(
                        "c9f16b6cc9cadb7b81e020b94e5ab72acf6b9748",
                        self.substring(2).toLowerCase(Locale.ROOT));
        SignReview recorded = ethTxWithValue(router, "0", data).review();
        assertEquals(
                List.of("the router's deadline, 2025-03-30 08:58:50 UTC, has passed: the transaction would fail on "
                        + "chain and still pay for the gas it used; have the app make the transaction again"),
                recorded.warnings());
        // the router's deadline ahead, and then the permit's signature deadline too
        String stalePermit = data.replace(word(0x67e907caL), word(YEAR_2100));
        assertEquals(
                List.of("the permit in step 1 could be used until 2025-03-30 08:58:43 UTC, which has passed: the "
                        + "transaction would fail on chain and still pay for the gas it used; have the app make the "
                        + "transaction again"),
                ethTxWithValue(router, "0", stalePermit).review().warnings());
        data = stalePermit.replace(word(0x67e907c3L), word(YEAR_2100));
        SignReview sale = ethTxWithValue(router, "0", data).review();
        String token = "the token 0xF107edABF59ba696E38DE62Ad5327415Bd4D4236";
        assertShows(
                sale,
                new SignReview.Row(
                        "Step 1 of 4",
                        "give the router (it spends an allowance only in this key's own calls) a Permit2 allowance of "
                                + "any amount of " + token + " until 2025-04-29 08:28:43 UTC, by a permit this key "
                                + "signed"),
                new SignReview.Row(
                        "Step 2 of 4",
                        "swap 1836717237960647184416351 of " + token + " (its smallest units) for at "
                                + "least 0 USDC on Uniswap v2 (" + token + " → WETH → USDC), paid from this key's "
                                + "tokens through Permit2, to the router, for a later step"),
                new SignReview.Row(
                        "Step 4 of 4",
                        "send all the router holds of USDC (at least 1031.426302 USDC) to " + self + " (this key)"));
        assertEquals(List.of(), sale.warnings(), "an allowance for the router itself, and a least amount to sweep");

        String spender = "00000000000000000000000066a9893cc07d91d95644aedd05d03f95e1dba8af";
        String stranger = "000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa96045";
        SignReview elsewhere =
                ethTxWithValue(router, "0", data.replace(spender, stranger)).review();
        assertEquals(
                List.of("step 1 of 4 gives 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045 a Permit2 allowance of any "
                        + "amount of " + token + " until 2025-04-29 08:28:43 UTC: that address can then move this "
                        + "key's tokens with no further signature; sign only if you mean to trust it"),
                elsewhere.warnings(),
                elsewhere.text());
        String expiration = "0000000000000000000000000000000000000000000000000000000068108dbb";
        SignReview thisBlock = ethTxWithValue(router, "0", data.replace(expiration, "0".repeat(64)))
                .review();
        assertTrue(
                thisBlock.rows().stream()
                        .anyMatch(r -> r.value().contains("until the end of the block this transaction is in")),
                "Permit2 reads an expiration of 0 as the block's own time:\n" + thisBlock.text());
    }

    @Test
    void aPermit2TransferIntoAV2PoolAndABalanceCheckReadInWords() {
        String self = evmAddress("m/44/60/0/0/0");
        UniversalRouterCall call =
                UniversalRouterCallTest.usdcSoldThroughAV2Pool(self, new BigInteger("70000000000000000"), false);
        String data = "0x" + Hex.encode(RouterEncoding.of(call));
        SignReview review = ethTxWithValue("0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD", "0", data)
                .review();
        assertShows(
                review,
                new SignReview.Row(
                        "Step 1 of 3",
                        "take 250 USDC from this key's tokens through Permit2, to the Uniswap v2 pool the next step "
                                + "swaps in"),
                new SignReview.Row(
                        "Step 2 of 3",
                        "swap the USDC the step before paid into the pool for at least 0.07 WETH on Uniswap v2 (USDC → "
                                + "WETH), paid from what the router holds, to the sender " + self + " (this key)"),
                new SignReview.Row(
                        "Step 3 of 3",
                        "check that " + self + " (this key) holds at least 0.07 WETH, or the transaction fails"));
        assertEquals(List.of(), review.warnings(), review.text());
    }

    @Test
    void aUniswapV4SwapIsShownActionByActionAndAPoolWithAHookIsWarnedAbout() throws IOException {
        String router = "0x66a9893cC07D91D95644AEDD05D03f95e1dBA8Af";
        String self = evmAddress("m/44/60/0/0/0");
        String sdkRecipient = "aa".repeat(20);
        JsonNode vectors = UniversalRouterCallTest.sdkVectors();
        // the SDK's calls pay a test address: here they pay this key
        String ethForUsdc = vectors.get("_UNISWAP_V4_1_ETH_FOR_USDC")
                .get("calldata")
                .asText()
                .replace(sdkRecipient, self.substring(2).toLowerCase(Locale.ROOT));
        SignReview buy =
                ethTxWithValue(router, "1000000000000000000", ethForUsdc).review();
        assertShows(
                buy,
                new SignReview.Row(
                        "Step",
                        "on Uniswap v4: swap 1 ETH for at least 949522862849.515261 USDC (ETH → 0.3% pool → USDC); "
                                + "then pay in what the swap owes in ETH, from the ETH the router holds; then send all "
                                + "the swap made of USDC to " + self + " (this key)"));
        assertEquals(List.of(), buy.warnings(), buy.text());

        String daiForEth = vectors.get("_UNISWAP_V4_DAI_FOR_1_ETH_2_HOP")
                .get("calldata")
                .asText()
                .replace(sdkRecipient, self.substring(2).toLowerCase(Locale.ROOT));
        SignReview exactOut = ethTxWithValue(router, "0", daiForEth).review();
        assertShows(
                exactOut,
                new SignReview.Row(
                        "Step",
                        "on Uniswap v4: swap at most 1.056330579666472933 DAI for exactly 1 ETH (DAI → 0.3% pool → "
                                + "USDC → 0.3% pool → ETH); then pay in what the swap owes in DAI, from this key's "
                                + "tokens through Permit2; then send 1 ETH of what it made to " + self
                                + " (this key)"));
        assertEquals(List.of(), exactOut.warnings(), exactOut.text());

        // the same swap through a pool with a hook contract, and paying out to someone else
        UniversalRouterCall call = UniversalRouterCall.decode(
                        BigInteger.ONE, router, Hex.decode(ethForUsdc.substring(2), "data"))
                .orElseThrow();
        V4Swap v4 = call.steps().get(0).v4();
        String hook = "0x000000000004444c5dc75cB358380D2e3dE08A90";
        V4Swap.Action swap = v4.actions().get(0);
        V4Swap.Hop hop = swap.path().get(0);
        V4Swap.Action hooked = new V4Swap.Action(
                swap.kind(),
                swap.currency(),
                null,
                swap.amount(),
                swap.limit(),
                null,
                List.of(new V4Swap.Hop(hop.currency(), hop.fee(), hop.tickSpacing(), hook, hop.hookData())));
        V4Swap.Action take = v4.actions().get(2);
        V4Swap.Action elsewhere =
                new V4Swap.Action(take.kind(), take.currency(), TOKEN_RECIPIENT, take.amount(), null, null, List.of());
        UniversalRouterCall changed =
                v4Call(new V4Swap(List.of(hooked, v4.actions().get(1), elsewhere)));
        SignReview risky = ethTxWithValue(router, "1000000000000000000", "0x" + Hex.encode(RouterEncoding.of(changed)))
                .review();
        assertEquals(
                List.of(
                        "step sends what it takes from the swap to " + TOKEN_RECIPIENT + ", not to this key: sign "
                                + "only if you mean to pay that address",
                        "step swaps through a Uniswap v4 pool whose hook contract " + hook + " runs its own code "
                                + "during the swap and can change what it pays: sign only for a pool you trust"),
                risky.warnings(),
                risky.text());
        assertTrue(risky.rows().stream().anyMatch(r -> r.value().contains("0.3% pool with hook " + hook)));

        // the same swap in the single-pool form reads the same
        V4Swap.Action single = new V4Swap.Action(
                V4Swap.Kind.SWAP_EXACT_IN_SINGLE,
                swap.currency(),
                null,
                swap.amount(),
                swap.limit(),
                null,
                swap.path());
        UniversalRouterCall singlePool =
                v4Call(new V4Swap(List.of(single, v4.actions().get(1), take)));
        SignReview sameBuy = ethTxWithValue(
                        router, "1000000000000000000", "0x" + Hex.encode(RouterEncoding.of(singlePool)))
                .review();
        assertEquals(
                buy.rows().stream().filter(r -> r.label().equals("Step")).toList(),
                sameBuy.rows().stream().filter(r -> r.label().equals("Step")).toList());
        assertEquals(List.of(), sameBuy.warnings(), sameBuy.text());
    }

    /** A router call of one V4_SWAP command, without a deadline. */
    private static UniversalRouterCall v4Call(V4Swap v4) {
        return new UniversalRouterCall(
                List.of(new Step(Command.V4_SWAP, false, null, null, null, null, null, v4)), null);
    }

    /** 2100-01-01 00:00:00 UTC: a deadline still ahead whenever the tests run. */
    private static final long YEAR_2100 = 4_102_444_800L;

    /** The call data of a transaction recorded on Ethereum, as 0x-hex. */
    private static String recordedCall(String name) throws IOException {
        try (InputStream in = PayloadSigningTest.class.getResourceAsStream("/io/keyshard/payload/evm/" + name)) {
            return "0x" + new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    private PreparedPayload ethTxWithValue(String to, String wei, String data) {
        String json = "{\"chainId\":\"1\",\"nonce\":\"0\",\"maxPriorityFeePerGas\":\"1\",\"maxFeePerGas\":\"2\","
                + "\"gas\":\"60000\",\"to\":\"" + to + "\",\"value\":\"" + wei + "\",\"data\":\"" + data + "\"}";
        return prepareEthTx(json, "m/44/60/0/0/0", null);
    }

    @Test
    void theMaxCostOfARollupThatAddsAnL1DataFeeSaysSo() {
        String to = "0x000000000000000000000000000000000000dEaD";
        // 60,000 gas at 2 wei: the cost the transaction caps
        assertTrue(
                ethTx("1", to, "0x").review().rows().contains(new SignReview.Row("Max cost", "0.00000000000012 ETH")),
                "Ethereum charges gas alone");
        assertTrue(
                ethTx("42161", to, "0x")
                        .review()
                        .rows()
                        .contains(new SignReview.Row("Max cost", "0.00000000000012 ETH")),
                "Arbitrum charges its L1 costs through gas, which the gas limit caps");
        for (String[] rollup : new String[][] {{"10", "OP Mainnet"}, {"8453", "Base"}, {"534352", "Scroll"}}) {
            SignReview review = ethTx(rollup[0], to, "0x").review();
            assertTrue(
                    review.rows()
                            .contains(new SignReview.Row(
                                    "Max cost",
                                    "0.00000000000012 ETH, plus the L1 data fee " + rollup[1]
                                            + " charges on top of gas (the transaction does not cap it)")),
                    review.text());
        }
    }

    private PreparedPayload ethTx(String chainId, String to, String data) {
        String json = "{\"chainId\":\"" + chainId + "\",\"nonce\":\"0\",\"maxPriorityFeePerGas\":\"1\","
                + "\"maxFeePerGas\":\"2\",\"gas\":\"60000\",\"to\":\"" + to + "\",\"data\":\"" + data + "\"}";
        return prepareEthTx(json, "m/44/60/0/0/0", null);
    }

    private PreparedPayload prepareEthTx(String json, String path, Network network) {
        return ws.payloads()
                .prepare(new PayloadRequest(
                        key.keyId(),
                        PayloadKind.ETH_TX,
                        json.getBytes(StandardCharsets.UTF_8),
                        Chain.EVM,
                        DerivationPath.parse(path),
                        network,
                        false));
    }

    @Test
    void p2wpkhAndP2pkhInputsGetEcdsaSignaturesAndFinalize() {
        ExtendedPublicKey root = Workspace.rootOf(key).key();
        for (Psbt psbt : List.of(PsbtFixtures.p2wpkh(root, "m/84/0/0/0/2"), PsbtFixtures.p2pkh(root, "m/44/0/0/0/2"))) {
            PreparedPayload p = prepare(PayloadKind.PSBT, psbt.serialize(), true);
            assertEquals(1, p.signatureCount());
            String path = p.derivationPath();
            byte[] sighash = Hex.decode(p.digest(), "digest");
            PayloadResult r = p.plan().finish(List.of(signed(SECRET, path, sighash)));
            assertEquals(List.of(0), r.signedInputs());
            Transaction tx = Transaction.parseHex(r.finalTx());
            assertEquals(tx.txidHex(), r.txHash());
            Transaction.TxIn in = tx.inputs().get(0);
            byte[] pub = PublicDerivation.derive(root, DerivationPath.parse(path))
                    .key()
                    .point()
                    .encode();
            if (path.startsWith("m/84")) {
                assertEquals(2, in.witness().size());
                assertArrayEquals(pub, in.witness().get(1));
                assertEquals(Sighash.ALL, in.witness().get(0)[in.witness().get(0).length - 1]);
            } else {
                assertEquals(0, in.witness().size());
                assertTrue(in.scriptSig().length > 33 + 64);
            }
            KeygenException wrong = assertThrows(
                    KeygenException.class,
                    () -> p.plan().finish(List.of(signed(SECRET.add(BigInteger.TWO), path, sighash))));
            assertEquals(ExitCoded.PROTOCOL, wrong.exitCode());
        }
    }

    @Test
    void aPsbtSignedInPartKeepsItsSignaturesAndIsSignedOnForTheInputsLeft() {
        ExtendedPublicKey root = Workspace.rootOf(key).key();
        Psbt psbt = PsbtFixtures.p2wpkhInputs(root, "m/84/0/0/0/1", "m/84/0/0/0/2");
        PreparedPayload p = prepare(PayloadKind.PSBT, psbt.serialize(), true);
        assertEquals(2, p.signatureCount());
        PayloadPlan.Part first = p.plan().parts().get(0);
        PayloadResult partial =
                p.plan().finishPartial(List.of(signed(SECRET, first.path().toString(), first.message())));
        assertEquals(List.of(0), partial.signedInputs());
        assertNull(partial.finalTx(), "a PSBT with an input of the key unsigned is not finalized");
        Psbt kept = Psbt.fromBase64(partial.psbt());
        assertEquals(1, kept.input(0).partialSigs().size());
        assertTrue(kept.input(1).partialSigs().isEmpty());

        PreparedPayload rest = prepare(PayloadKind.PSBT, partial.psbt().getBytes(StandardCharsets.US_ASCII), true);
        assertEquals(1, rest.signatureCount(), "only the input left is signed again");
        PayloadPlan.Part second = rest.plan().parts().get(0);
        assertEquals("m/84/0/0/0/2", second.path().toString());
        PayloadResult whole = rest.plan().finish(List.of(signed(SECRET, "m/84/0/0/0/2", second.message())));
        Transaction tx = Transaction.parseHex(whole.finalTx());
        assertEquals(2, tx.inputs().get(0).witness().size());
        assertEquals(2, tx.inputs().get(1).witness().size());

        PreparedPayload unfinalized =
                prepare(PayloadKind.PSBT, partial.psbt().getBytes(StandardCharsets.US_ASCII), false);
        String signedBoth = unfinalized
                .plan()
                .finish(List.of(signed(SECRET, "m/84/0/0/0/2", second.message())))
                .psbt();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> prepare(PayloadKind.PSBT, signedBoth.getBytes(StandardCharsets.US_ASCII), false));
        assertTrue(e.getMessage().contains("already"), e.getMessage());
    }

    @Test
    void theOtherKindsCannotBeHandedBackInPart() {
        PreparedPayload p = prepare(PayloadKind.ETH_MESSAGE, "gm".getBytes(StandardCharsets.UTF_8), false);
        PayloadPlan.Part only = p.plan().parts().get(0);
        assertNull(p.plan().finishPartial(List.of(signed(SECRET, "m/44/60/0/0/0", only.message()))));
    }

    @Test
    void aPsbtOfTheOtherCurveOrAnotherKeyIsRefusedBeforeSigning() {
        ExtendedPublicKey root = Workspace.rootOf(key).key();
        KeyRecord taproot = ready(CurveName.SECP256K1_SCHNORR, SECRET);
        byte[] p2wpkh = PsbtFixtures.p2wpkh(root, "m/84/0/0/0/0").serialize();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ws.payloads().prepare(PayloadRequest.of(taproot.keyId(), PayloadKind.PSBT, p2wpkh)));
        assertTrue(e.getMessage().contains("no input of this PSBT belongs to this key"), e.getMessage());
        IllegalArgumentException solana = assertThrows(
                IllegalArgumentException.class,
                () -> prepare(PayloadKind.SOLANA_TX, "AQID".getBytes(StandardCharsets.US_ASCII), false));
        assertTrue(solana.getMessage().contains("ED25519"), solana.getMessage());
    }

    @Test
    void mutatedPayloadsAreRefusedAsBadInputAndNothingElse() throws Exception {
        KeyRecord ed = ready(CurveName.ED25519, SECRET);
        byte[] edKey = KeyPipeline.run(
                        Workspace.rootOf(ed), Chain.SOLANA, DerivationPath.parse("m/44/501/0/0"), Network.MAINNET)
                .derived()
                .key()
                .publicKey();
        byte[] mail;
        try (InputStream in = getClass().getResourceAsStream("/io/keyshard/payload/evm/mail.json")) {
            mail = in.readAllBytes();
        }
        String tx = "{\"chainId\":\"0x1\",\"nonce\":\"0x0\",\"maxPriorityFeePerGas\":\"0x1\",\"maxFeePerGas\":"
                + "\"0x2\",\"gas\":\"0x5208\",\"to\":\"0x000000000000000000000000000000000000dEaD\",\"value\":"
                + "\"0x1\",\"data\":\"0xa9059cbb\",\"accessList\":[]}";
        ExtendedPublicKey root = Workspace.rootOf(key).key();
        List<Object[]> seeds = List.of(
                new Object[] {
                    key,
                    PayloadKind.PSBT,
                    PsbtFixtures.p2wpkh(root, "m/84/0/0/0/1").serialize()
                },
                new Object[] {
                    key,
                    PayloadKind.PSBT,
                    PsbtFixtures.p2pkh(root, "m/44/0/0/0/1").serialize()
                },
                new Object[] {key, PayloadKind.ETH_TX, tx.getBytes(StandardCharsets.UTF_8)},
                new Object[] {key, PayloadKind.ETH_TYPED, mail},
                new Object[] {
                    ed,
                    PayloadKind.SOLANA_TX,
                    SolanaFixtures.unsignedTransaction(SolanaFixtures.transferMessage(List.of(edKey)), 1)
                });
        Random random = new Random(20_261_203L);
        for (Object[] seed : seeds) {
            KeyRecord k = (KeyRecord) seed[0];
            PayloadKind kind = (PayloadKind) seed[1];
            byte[] valid = (byte[]) seed[2];
            ws.payloads().prepare(PayloadRequest.of(k.keyId(), kind, valid));
            for (int i = 0; i < 300; i++) {
                byte[] input = mutate(valid, random);
                try {
                    ws.payloads().prepare(PayloadRequest.of(k.keyId(), kind, input));
                } catch (IllegalArgumentException expected) {
                    assertTrue(expected.getMessage() != null
                            && !expected.getMessage().isBlank());
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError(kind + " input " + Hex.encode(input) + " escaped as " + e, e);
                }
            }
        }
    }

    @Test
    void solanaAccountsNameThisKeyAndTheProgramsTheyAreAndTheTotalLeavingTheKeyIsOneSum() {
        SignReview review = solanaReview(key -> SolanaFixtures.transferMessage(List.of(key)));
        String self = solanaSigner(ready(CurveName.ED25519, SECRET)).address().value();
        assertShows(
                review,
                new SignReview.Row("Account 0", self + " (this key, signer, writable)"),
                new SignReview.Row("Account 1", Base58.encode(filled(0x77)) + " (writable)"),
                new SignReview.Row("Account 2", "11111111111111111111111111111111 (System Program)"),
                new SignReview.Row(
                        "SOL this key sends",
                        "0.000006 SOL in all: 0.000001 SOL by the instructions above and 0.000005 "
                                + "SOL network fee"));
    }

    @Test
    void aSolanaPriorityFeeWithoutAUnitLimitIsShownAsTheMostItCanBeAndWarned() {
        // 10^12 micro-lamports a unit and no limit: the two instructions may use 203,000 units, 203 SOL
        SignReview review =
                solanaReview(key -> SolanaFixtures.transferWithUnitPriceOnly(List.of(key), 1_000_000_000_000L));
        assertShows(
                review,
                new SignReview.Row(
                        "Network fee",
                        "0.000005 SOL (5000 lamports a signature) + at most 203 SOL priority fee (no compute unit "
                                + "limit is set), at most 203.000005 SOL in all"),
                new SignReview.Row(
                        "SOL this key sends",
                        "at most 203.000006 SOL in all: 0.000001 SOL by the instructions above and at "
                                + "most 203.000005 SOL network fee"));
        assertTrue(
                review.warnings().stream()
                        .anyMatch(w -> w.contains("no compute unit limit") && w.contains("can reach 203 SOL")),
                review.warnings().toString());
    }

    @Test
    void aSolanaInstructionNotDecodedHereThatNamesTheKeyLeavesItsTotalOpenAndWarns() {
        SignReview review = solanaReview(key -> SolanaFixtures.undecodedCall(List.of(key)));
        assertTrue(
                review.rows()
                        .contains(
                                new SignReview.Row(
                                        "SOL this key sends",
                                        "0.000005 SOL, the network fee alone (the instructions decoded here send none); and "
                                                + "what the instruction not decoded here may move, which Keyshard cannot tell")),
                review.text());
        assertTrue(
                review.warnings().stream().anyMatch(w -> w.contains("can move this key's SOL and tokens")),
                review.warnings().toString());
    }

    @Test
    void whatASolanaKeySendsReadsAsOneTotalWhenItPaysTheFee() {
        assertEquals(
                "0.000005 SOL, the network fee alone (the instructions above send none)",
                SolanaPayloads.sends(BigInteger.ZERO, false, List.of(), BigInteger.valueOf(5000), false, 0));
        assertEquals(
                "none by the instructions above",
                SolanaPayloads.sends(BigInteger.ZERO, false, List.of(), null, false, 0));
        assertEquals(
                "1.5 SOL by the instructions above",
                SolanaPayloads.sends(BigInteger.valueOf(1_500_000_000L), false, List.of(), null, false, 0),
                "a co-signer that does not pay the fee sends only what the instructions move");
        assertEquals(
                "1.5 SOL by the instructions decoded here; and what the 2 instructions not decoded "
                        + "here may move, which Keyshard cannot tell",
                SolanaPayloads.sends(BigInteger.valueOf(1_500_000_000L), false, List.of(), null, false, 2));
        assertEquals(
                "at most 0.250005 SOL in all: at most 0.25 SOL by the instructions above and 0.000005 SOL network fee; "
                        + "and the rent of any account opened for this key (by pump.fun)",
                SolanaPayloads.sends(
                        BigInteger.valueOf(250_000_000L),
                        true,
                        List.of("pump.fun"),
                        BigInteger.valueOf(5000),
                        false,
                        0),
                "a pump.fun buy in SOL is counted at its bound");
        assertEquals(
                "at most 0.25 SOL by the instructions above; and the rent of any account opened for this key (by "
                        + "pump.fun)",
                SolanaPayloads.sends(BigInteger.valueOf(250_000_000L), true, List.of("pump.fun"), null, false, 0));
        assertEquals(
                "at most 1.51 SOL in all: 1.5 SOL by the instructions above and at most 0.01 SOL network fee",
                SolanaPayloads.sends(
                        BigInteger.valueOf(1_500_000_000L), false, List.of(), BigInteger.valueOf(10_000_000L), true, 0),
                "only the fee is a bound");
        assertEquals(
                "0.000005 SOL, the network fee alone (the instructions above send none); and the rent of any account "
                        + "opened for this key (by Associated Token Account Program, pump.fun)",
                SolanaPayloads.sends(
                        BigInteger.ZERO,
                        false,
                        List.of("Associated Token Account Program", "pump.fun"),
                        BigInteger.valueOf(5000),
                        false,
                        0),
                "accounts opened with rent no instruction states");
    }

    /** The review of an unsigned transaction of {@code message}, made for the Solana key of {@link #solanaSigner}. */
    private SignReview solanaReview(Function<byte[], byte[]> message) {
        KeyRecord ed = ready(CurveName.ED25519, SECRET);
        byte[] tx = SolanaFixtures.unsignedTransaction(
                message.apply(solanaSigner(ed).derived().key().publicKey()), 1);
        return ws.payloads()
                .prepare(PayloadRequest.of(ed.keyId(), PayloadKind.SOLANA_TX, tx))
                .review();
    }

    /** The Solana address and key of {@code ed} on the path the Solana review tests sign on. */
    private static KeyPipeline.Result solanaSigner(KeyRecord ed) {
        return KeyPipeline.run(
                Workspace.rootOf(ed), Chain.SOLANA, DerivationPath.parse("m/44/501/0/0"), Network.MAINNET);
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** One random change: a flipped byte, a cut, or a repeated slice. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] out = valid.clone();
        switch (random.nextInt(3)) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            default -> {
                int from = random.nextInt(out.length);
                int len = 1 + random.nextInt(Math.min(16, out.length - from));
                byte[] longer = Arrays.copyOf(out, out.length + len);
                System.arraycopy(out, from, longer, from + len, out.length - from);
                out = longer;
            }
        }
        return out;
    }
}
