package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.address.AccountAddresses;
import io.keyshard.address.Chain;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.payload.evm.EcRecover;
import io.keyshard.payload.evm.Eip7702Authorization;
import io.keyshard.payload.evm.EvmSignature;
import io.keyshard.payload.evm.EvmTransaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EIP-7702 through the payload service with a real vault: an authorization of this key's account reads as the
 * account handed to a contract, and its result recovers this key's account; a set-code transaction shows whose
 * account each authorization changes and which ones the chain would skip.
 */
class AuthorizationPayloadsTest {
    private static final BigInteger SECRET = BigInteger.valueOf(0x7702_7702L);
    private static final String PATH = "m/44/60/0/0/0";
    private static final String DELEGATE = "0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B";
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    /** ox's authorization on chain 10 by anvil's first account (0xf39F...), a valid signature of another account. */
    private static final String OTHERS =
            "{\"chainId\":\"0x1\",\"address\":\"0xfba3912ca04dd458c843e2ee08967fc04f3579c2\","
                    + "\"nonce\":\"0x311\",\"yParity\":\"0x1\","
                    + "\"r\":\"0x5f9eab9d5d717098430d03780924a379e350e5cdd38fb7ffe707393d587e4e35\","
                    + "\"s\":\"0x7e28e4c4eadc81dafea5d73c8e5327034306d4ad2dc4dbd94ef829bec57f04db\"}";

    @TempDir
    Path home;

    LocalEcdsa.Fixture fx;
    String self;

    @BeforeEach
    void open() {
        fx = LocalEcdsa.Fixture.open(home, SECRET);
        self = KeyPipeline.run(Workspace.rootOf(fx.key()), Chain.EVM, DerivationPath.parse(PATH), Network.MAINNET)
                .address()
                .value();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private PreparedPayload prepare(PayloadKind kind, String json) {
        return fx.ws()
                .payloads()
                .prepare(new PayloadRequest(
                        fx.key().keyId(), kind, json.getBytes(StandardCharsets.UTF_8), null, null, null, false));
    }

    private static String authorization(String chainId, String address, long nonce) {
        return "{\"chainId\":" + chainId + ",\"address\":\"" + address + "\",\"nonce\":" + nonce + "}";
    }

    @Test
    void anAuthorizationReadsAsTheAccountHandedToAContractAndItsResultRecoversThisKeysAccount() {
        PreparedPayload p = prepare(PayloadKind.ETH_AUTHORIZATION, authorization("1", DELEGATE, 7));
        String text = p.review().text();
        List<SignReview.Row> rows = p.review().rows();
        assertTrue(
                rows.contains(new SignReview.Row(
                        "Delegate",
                        DELEGATE + " (MetaMask's EIP7702StatelessDeleGator, an audited delegate ethereum.org lists; "
                                + "its code runs as this account)")),
                text);
        assertTrue(rows.contains(new SignReview.Row("Chain", "1 (Ethereum)")), text);
        assertEquals(1, p.review().warnings().size(), text);
        assertTrue(
                p.review().warnings().get(0).startsWith("this hands the account " + self + " to contract " + DELEGATE),
                text);
        Eip7702Authorization a =
                Eip7702Authorization.parse(authorization("1", DELEGATE, 7)).authorization();
        byte[] digest = a.signingHash();
        assertEquals("0x" + Hex.encode(digest), p.digest());
        assertEquals(
                "EIP-7702: delegate to " + DELEGATE + " on chain 1",
                p.plan().parts().get(0).description());

        PayloadResult r = p.plan().finish(List.of(LocalEcdsa.signed(fx.key(), SECRET, PATH, digest)));
        assertEquals("0x" + Hex.encode(a.signingPayload()), r.payload());
        EvmSignature sig =
                new EvmSignature(new BigInteger(r.r().substring(2), 16), new BigInteger(r.s().substring(2), 16), r.v());
        assertTrue(sig.isLowS());
        assertEquals(self, EcRecover.recoverAddress(digest, sig));
        assertEquals(
                "{\"chainId\":\"0x1\",\"address\":\"" + DELEGATE + "\",\"nonce\":\"0x7\",\"yParity\":\"0x" + r.v()
                        + "\",\"r\":\"" + r.r() + "\",\"s\":\"" + r.s() + "\"}",
                r.signedAuthorizationJson());
        KeygenException e = assertThrows(
                KeygenException.class,
                () -> p.plan().finish(List.of(LocalEcdsa.signed(fx.key(), SECRET.add(BigInteger.ONE), PATH, digest))));
        assertEquals(ExitCoded.PROTOCOL, e.exitCode());
    }

    @Test
    void clearingIsNotWarnedAsAHandOverButEveryChainAndAnotherAuthorityAre() {
        PreparedPayload clear = prepare(PayloadKind.ETH_AUTHORIZATION, authorization("1", ZERO, 3));
        assertEquals(List.of(), clear.review().warnings(), clear.review().text());
        assertTrue(clear.review().rows().get(2).value().startsWith("none: clears this account's delegation"));

        PreparedPayload everywhere = prepare(PayloadKind.ETH_AUTHORIZATION, authorization("0", DELEGATE, 3));
        List<String> w = everywhere.review().warnings();
        assertEquals(2, w.size(), everywhere.review().text());
        assertTrue(w.get(1).startsWith("chain id 0 makes the authorization valid on every EVM chain"), w.get(1));
        assertTrue(everywhere.review().rows().contains(new SignReview.Row("Chain", "every chain (chain id 0)")));

        String other = "{\"chainId\":1,\"address\":\"" + DELEGATE + "\",\"nonce\":3,\"from\":\""
                + "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\"}";
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> prepare(PayloadKind.ETH_AUTHORIZATION, other));
        assertTrue(e.getMessage().contains("is not this key's address " + self), e.getMessage());
    }

    @Test
    void aDelegateNotOnEthereumOrgsAuditedListIsWarnedAboutBesideTheHandOver() {
        String lower = "0xfba3912ca04dd458c843e2ee08967fc04f3579c2";
        String unknown = AccountAddresses.eip55(lower.substring(2));
        PreparedPayload p = prepare(PayloadKind.ETH_AUTHORIZATION, authorization("1", lower, 7));
        List<String> w = p.review().warnings();
        String text = p.review().text();
        assertEquals(2, w.size(), text);
        assertTrue(w.get(0).startsWith("this hands the account " + self), text);
        assertTrue(
                w.get(1)
                        .startsWith(unknown + " is not one of the audited delegate contracts ethereum.org lists "
                                + "(Uniswap's Calibur, Alchemy's Modular Account, "),
                text);
        assertTrue(
                p.review()
                        .rows()
                        .contains(new SignReview.Row("Delegate", unknown + " (its code runs as this account)")),
                text);
        // Calibur, written in lower case, is known
        PreparedPayload calibur = prepare(
                PayloadKind.ETH_AUTHORIZATION, authorization("8453", "0x000000009b1d0af20d8c6d0a44e162d11f9b8f00", 0));
        assertEquals(1, calibur.review().warnings().size(), calibur.review().text());
    }

    /**
     * A set-code transaction of this key with its own authorization (nonce {@code ownNonce}), as the signing of
     * that authorization printed it, and another account's.
     */
    private String setCode(long txNonce, long ownNonce) {
        Eip7702Authorization own = Eip7702Authorization.parse(authorization("1", DELEGATE, ownNonce))
                .authorization();
        PreparedPayload p = prepare(PayloadKind.ETH_AUTHORIZATION, authorization("1", DELEGATE, ownNonce));
        String ownJson = p.plan()
                .finish(List.of(LocalEcdsa.signed(fx.key(), SECRET, PATH, own.signingHash())))
                .signedAuthorizationJson();
        return "{\"chainId\":\"0x1\",\"nonce\":\"" + txNonce + "\",\"maxPriorityFeePerGas\":\"1000000000\","
                + "\"maxFeePerGas\":\"20000000000\",\"gas\":\"100000\",\"to\":\"" + self + "\",\"data\":\"0x\","
                + "\"authorizationList\":[" + ownJson + ","
                + OTHERS.replace("\"0x1\",\"address\"", "\"0xa\",\"address\"")
                + "]}";
    }

    @Test
    void aSetCodeTransactionShowsWhoseAccountEachAuthorizationChangesAndWhichTheChainSkips() {
        PreparedPayload p = prepare(PayloadKind.ETH_TX, setCode(4, 5));
        String text = p.review().text();
        assertTrue(text.contains("Ethereum transaction (EIP-7702, set code)"), text);
        assertTrue(
                p.review()
                        .rows()
                        .contains(new SignReview.Row(
                                "Authorization 1",
                                self + " (this key) runs the code of " + DELEGATE
                                        + " (MetaMask's EIP7702StatelessDeleGator), on chain 1 (Ethereum), at its "
                                        + "nonce 5")),
                text);
        // another account's authorization, signed for chain 10 with chain 1's signature: it recovers some account
        // that is not this key's, and is skipped on chain 1 either way
        SignReview.Row second = p.review().rows().stream()
                .filter(r -> r.label().equals("Authorization 2"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                second.value().endsWith("skipped by the chain: it is for chain 10, not this transaction's chain 1"),
                second.value());
        List<String> w = p.review().warnings();
        assertTrue(w.get(0).startsWith("this hands the account " + self + " to contract " + DELEGATE), text);
        assertTrue(w.stream().anyMatch(x -> x.startsWith("authorization 2 is skipped by the chain")), text);
        assertTrue(w.stream().noneMatch(x -> x.contains("nonce + 1")), text);

        PayloadResult r = p.plan()
                .finish(List.of(LocalEcdsa.signed(
                        fx.key(), SECRET, PATH, Hex.decode(p.digest().substring(2), "digest"))));
        assertTrue(r.signedTransaction().startsWith("0x04"), r.signedTransaction());
        EvmTransaction tx = EvmTransaction.parse(setCode(4, 5));
        assertEquals(self, tx.senderOf(Hex.decode(r.signedTransaction().substring(2), "signed")));
    }

    @Test
    void itsOwnAuthorizationAtTheTransactionsOwnNonceIsWarnedAsOneTheChainSkips() {
        PreparedPayload p = prepare(PayloadKind.ETH_TX, setCode(4, 4));
        assertTrue(
                p.review().warnings().stream()
                        .anyMatch(x -> x.startsWith("authorization 1 is this account's own, but its nonce 4 is not "
                                + "this transaction's nonce + 1 (5)")),
                p.review().text());
    }
}
