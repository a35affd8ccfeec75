package io.keyshard.ui.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.Network;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's logic without a screen: chains by curve, recompute on every change, clear errors. */
class PipelineViewModelTest {
    @TempDir
    Path home;

    private Vault vault;
    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
            vault.close();
        }
    }

    /** A READY key written to a real vault, derived through that vault's workspace. */
    private PipelineViewModel model(CurveName curve) {
        if (workspace == null) {
            vault = TestApps.createVault(home);
            workspace = Workspace.open(home, vault);
        }
        return new PipelineViewModel(
                readyIn(vault, curve), workspace::derive, new UiTasks(Runnable::run, Runnable::run));
    }

    /** Writes a READY key of {@code curve} (root key 12345·G) into {@code vault}. */
    static KeyRecord readyIn(Vault vault, CurveName curve) {
        byte[] pub = curve.curve().encodePublicKey(curve.curve().multiplyBase(BigInteger.valueOf(12345)));
        KeyRecord pending = KeyRecord.pending(
                UUID.randomUUID(), "test", curve, 2, List.of("OFFICIAL_1", "OFFICIAL_2"), Instant.now());
        vault.createPending(pending);
        return vault.markReady(
                pending.keyId(),
                Hex.toHexString(pub),
                "11".repeat(32),
                Map.of("OFFICIAL_1", Hex.toHexString(pub), "OFFICIAL_2", Hex.toHexString(pub)));
    }

    @Test
    void offersOnlyTheChainsOfTheKeysCurve() {
        assertEquals(
                List.of(Chain.SOLANA, Chain.STELLAR, Chain.SUI, Chain.APTOS, Chain.DID_KEY),
                model(CurveName.ED25519).chains());
        List<Chain> secp = model(CurveName.SECP256K1).chains();
        assertTrue(secp.contains(Chain.EVM) && secp.contains(Chain.BITCOIN_P2WPKH));
        assertFalse(secp.contains(Chain.SOLANA) || secp.contains(Chain.BITCOIN_P2TR));
        assertEquals(List.of(Chain.DID_KEY), model(CurveName.P384).chains());
    }

    @Test
    void aDidKeyIsNotCalledAnAddressToSendTo() {
        String caption = PipelineViewModel.qrCaption(Chain.DID_KEY, Network.MAINNET);
        assertFalse(caption.contains("send to this address"), caption);
        assertFalse(caption.contains("mainnet"), caption);
        assertTrue(PipelineViewModel.qrCaption(Chain.EVM, Network.MAINNET).startsWith("Scan to send to this address"));
    }

    @Test
    void changingTheIndexRecomputesAtOnce() {
        PipelineViewModel m = model(CurveName.SECP256K1);
        m.chainProperty().set(Chain.EVM);
        m.recompute();
        PipelineViewModel.Stages first = m.stagesProperty().get();
        assertEquals("m/44/60/0/0/0", first.derivationPath());
        assertTrue(first.address().startsWith("0x"));
        assertTrue(first.publicKeyNote().contains("5 non-hardened steps"), first.publicKeyNote());
        assertTrue(first.pathNote().contains("m/44/60/0/0/0 is not m/44'/60'/0'/0/0"), first.pathNote());
        assertTrue(first.pathNote().contains("MetaMask"), first.pathNote());

        m.indexProperty().set(7);
        PipelineViewModel.Stages seventh = m.stagesProperty().get();
        assertEquals("m/44/60/0/0/7", seventh.derivationPath());
        assertNotEquals(first.address(), seventh.address());
        m.indexProperty().set(0);
        assertEquals(first, m.stagesProperty().get(), "the same choices give the same values");

        m.networkProperty().set(Network.TESTNET);
        m.chainProperty().set(Chain.BITCOIN_P2WPKH);
        assertEquals("m/84/1/0/0/0", m.stagesProperty().get().derivationPath());
        assertTrue(m.stagesProperty().get().address().startsWith("tb1q"));
    }

    @Test
    void anImpossibleChoiceSaysWhy() {
        PipelineViewModel m = model(CurveName.ED25519);
        m.chainProperty().set(Chain.DID_KEY);
        m.accountProperty().set(3);
        assertEquals(
                "did:key identifier has no account level (m/0/index): set Account to 0.",
                m.errorProperty().get(),
                "worded in this screen's controls, not in the command line's flags");
        assertNull(m.stagesProperty().get(), "no stale address is left showing");
        m.accountProperty().set(0);
        assertNull(m.errorProperty().get());
        assertTrue(
                m.stagesProperty().get().address().startsWith("did:key:z6Mk"),
                m.stagesProperty().get().address());
    }

    @Test
    void refusesAKeyThatIsNotReady() {
        KeyRecord pending = KeyRecord.pending(
                UUID.randomUUID(), null, CurveName.SECP256K1, 2, List.of("OFFICIAL_1", "OFFICIAL_2"), Instant.now());
        assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineViewModel(
                        pending, (id, c, n, a, i) -> null, new UiTasks(Runnable::run, Runnable::run)));
    }

    @Test
    void anIndexThatIsNotANumberOrTooLargeBlanksTheStagesInsteadOfKeepingOrTruncating() {
        PipelineViewModel m = model(CurveName.SECP256K1);
        m.chainProperty().set(Chain.EVM);
        m.indexText("3");
        assertEquals("m/44/60/0/0/3", m.stagesProperty().get().derivationPath());

        m.indexText("abc");
        assertNull(m.stagesProperty().get(), "no address of the previous index next to \"abc\"");
        assertEquals(
                "Address index must be a whole number from 0 to 2147483647 (non-hardened).",
                m.errorProperty().get());

        m.indexText("214748364");
        assertEquals("m/44/60/0/0/214748364", m.stagesProperty().get().derivationPath());
        assertNull(m.errorProperty().get());
        m.indexText("2147483648");
        assertNull(m.stagesProperty().get(), "one digit too many is refused, not dropped");
        assertEquals(214748364, m.indexProperty().get());
        assertTrue(m.errorProperty().get().startsWith("Address index must be"));

        m.accountText("-1");
        m.indexText("1");
        assertNull(m.stagesProperty().get(), "the account field is still wrong");
        assertTrue(m.errorProperty().get().startsWith("Account must be"));
        m.accountText("0");
        assertEquals("m/44/60/0/0/1", m.stagesProperty().get().derivationPath());
        assertNull(m.errorProperty().get());
    }
}
