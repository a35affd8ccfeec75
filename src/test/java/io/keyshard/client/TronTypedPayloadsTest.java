package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.payload.tron.Tip712;
import io.keyshard.testing.GasFreeJson;
import io.keyshard.vault.KeyRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tron typed data through the payload service with a real vault: a GasFree USDT transfer reads in words, a
 * domain of an EVM chain is the warning first, and only a signature that recovers this key's account is
 * returned (made here by a key whose secret the test knows).
 */
class TronTypedPayloadsTest {
    private static final BigInteger SECRET = BigInteger.valueOf(0x71b_712L);
    private static final String PATH = "m/44/195/0/0/0";
    private static final String USDT = GasFreeJson.USDT;
    private static final String RECEIVER = GasFreeJson.RECEIVER;
    private static final String PROVIDER = GasFreeJson.PROVIDER;

    @TempDir
    Path home;

    LocalEcdsa.Fixture fx;
    KeyRecord key;

    @BeforeEach
    void open() {
        fx = LocalEcdsa.Fixture.open(home, SECRET);
        key = fx.key();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private String account() {
        return KeyPipeline.run(Workspace.rootOf(key), Chain.TRON, DerivationPath.parse(PATH), Network.MAINNET)
                .address()
                .value();
    }

    private PreparedPayload prepare(String json) {
        return fx.ws()
                .payloads()
                .prepare(new PayloadRequest(
                        key.keyId(),
                        PayloadKind.TRON_TYPED,
                        json.getBytes(StandardCharsets.UTF_8),
                        null,
                        null,
                        null,
                        false));
    }

    @Test
    void aGasFreeTransferReadsInWordsAndItsSignatureRecoversThisKeysAccount() {
        String self = account();
        long deadline = Instant.now().plusSeconds(3600).getEpochSecond();
        String json = GasFreeJson.permit("728126428", self, deadline);
        PreparedPayload p = prepare(json);
        List<SignReview.Row> rows = p.review().rows();
        String text = p.review().text();
        assertTrue(rows.contains(new SignReview.Row("Chain id", "728126428 (Tron mainnet)")), text);
        assertTrue(rows.contains(new SignReview.Row("Token", USDT + " (USDT, TRC-20)")), text);
        assertTrue(rows.contains(new SignReview.Row("Amount", "12.5 USDT")), text);
        assertTrue(rows.contains(new SignReview.Row("To", RECEIVER)), text);
        assertTrue(
                rows.contains(new SignReview.Row("Fee, at most", "1.1 USDT to the service provider " + PROVIDER)),
                text);
        assertTrue(rows.contains(new SignReview.Row("message.user", self + " (this key)")), text);
        assertEquals(1, p.review().warnings().size(), text);
        assertTrue(p.review().warnings().get(0).startsWith("this signature moves 12.5 USDT to " + RECEIVER), text);

        byte[] digest = Tip712.digest(Tip712.parse(json), new ArrayList<>());
        assertEquals(Hex.encode(digest), p.digest());
        assertEquals(
                "Tron: GasFree transfer, 12.5 USDT to " + RECEIVER,
                p.plan().parts().get(0).description());
        PayloadResult r = p.plan().finish(List.of(LocalEcdsa.signed(key, SECRET, PATH, digest)));
        byte[] signature = Hex.decode(r.signature().substring(2), "signature");
        assertEquals(65, signature.length);
        assertEquals(self, Tip712.signerOf(digest, signature));
        assertEquals(Hex.encode(json.getBytes(StandardCharsets.UTF_8)), r.payload());
        KeygenException e = assertThrows(
                KeygenException.class,
                () -> p.plan().finish(List.of(LocalEcdsa.signed(key, SECRET.add(BigInteger.ONE), PATH, digest))));
        assertEquals(ExitCoded.PROTOCOL, e.exitCode());
    }

    @Test
    void anEthereumChainIdAnotherAccountsTransferAndAPassedDeadlineAreEachWarned() {
        PreparedPayload p = prepare(GasFreeJson.permit("1", RECEIVER, 1_600_000_000L));
        List<String> w = p.review().warnings();
        String text = p.review().text();
        assertTrue(
                w.stream()
                        .anyMatch(x -> x.startsWith("the domain's chain id 1 is Ethereum's, not a Tron "
                                + "network's: this key is also the account 0x")),
                text);
        assertTrue(w.stream().anyMatch(x -> x.contains("not of this key's account " + account())), text);
        assertTrue(w.stream().anyMatch(x -> x.contains("has passed")), text);
        assertTrue(
                p.review().rows().contains(new SignReview.Row("Chain id", "1 (Ethereum, not a Tron network)")), text);
    }
}
