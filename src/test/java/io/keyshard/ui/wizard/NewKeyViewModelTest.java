package io.keyshard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.ServerInfo;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.ServersConfig;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.testing.LoopbackPorts;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.wizard.NewKeyViewModel.Step;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's rules without a screen: each step's validation and the threshold following the chosen servers. */
class NewKeyViewModelTest {
    @TempDir
    Path home;

    private NewKeyViewModel model() {
        return new NewKeyViewModel(
                Workspace.open(home, TestApps.createVault(home)), new UiTasks(Runnable::run, Runnable::run));
    }

    private static void add(NewKeyViewModel m, String name, boolean ok) {
        ServerChoice c = new ServerChoice(name, false, true);
        c.statusProperty()
                .set(new ServerStatus(
                        name,
                        "https://127.0.0.1:1",
                        1,
                        "0".repeat(64),
                        false,
                        ok,
                        ok ? 3L : null,
                        ok ? null : "server " + name + ": connection refused"));
        m.servers().add(c);
    }

    @Test
    void curveStepNeedsACurve() {
        NewKeyViewModel m = model();
        assertEquals(CurveName.SECP256K1, m.curveProperty().get(), "a sensible default");
        assertTrue(m.canAdvanceProperty().get());
        m.curveProperty().set(null);
        assertFalse(m.canAdvanceProperty().get());
        assertEquals("Choose a curve for the new key.", m.problemProperty().get());
        assertFalse(m.next(), "Enter does nothing while invalid");
        assertEquals(Step.CURVE, m.stepProperty().get());
    }

    @Test
    void serversStepNeedsTwoAnsweringServersAndAThresholdInRange() throws Exception {
        // one configured remote server: when back() checks the servers again, the app has no local ones to start
        ServersConfig.load(home)
                .with("FAR_1", new ServerInfo("https://127.0.0.1:" + LoopbackPorts.unused(), 21, "a".repeat(64), false))
                .save();
        NewKeyViewModel m = model();
        m.stepProperty().set(Step.SERVERS);
        add(m, "A", true);
        assertTrue(
                m.problemProperty().get().contains("at least two"),
                m.problemProperty().get());
        add(m, "B", true);
        add(m, "C", true);
        assertNull(m.problemProperty().get());
        assertEquals(
                "Making the key needs every chosen server to answer. Then any 2 of these 3 can sign; one alone cannot. "
                        + "Up to 1 may be lost and the key still signs.",
                m.thresholdSentence().get());

        m.thresholdProperty().set(3);
        assertNull(m.problemProperty().get());
        m.servers().get(2).selectedProperty().set(false);
        assertEquals(2, m.thresholdProperty().get(), "unticking C lowers 3-of-3 to 2-of-2");
        assertTrue(m.thresholdSentence().get().contains("Then all 2 must sign together"));

        m.servers().get(2).selectedProperty().set(true);
        m.thresholdProperty().set(4);
        assertTrue(m.problemProperty().get().contains("from 2 to 3"));
        m.thresholdProperty().set(2);

        add(m, "D", false);
        assertTrue(
                m.problemProperty().get().startsWith("D is not answering"),
                m.problemProperty().get());
        m.servers().get(3).selectedProperty().set(false);
        assertNull(m.problemProperty().get(), "an unticked down server does not matter");

        m.labelProperty().set("x".repeat(201));
        assertTrue(m.problemProperty().get().contains("201 characters"));
        m.labelProperty().set("Treasury");
        assertTrue(m.next());
        assertEquals(Step.REVIEW, m.stepProperty().get());
        m.back();
        assertEquals(Step.SERVERS, m.stepProperty().get());
    }

    @Test
    void loadsConfiguredServersAndMarksTheUnreachableOnes() throws Exception {
        int port = LoopbackPorts.unused();
        ServersConfig.load(home)
                .with("FAR_1", new ServerInfo("https://127.0.0.1:" + port, 21, "a".repeat(64), false))
                .with("FAR_2", new ServerInfo("https://127.0.0.1:" + port, 22, "b".repeat(64), false))
                .save();
        NewKeyViewModel m = model();
        m.next();
        assertEquals(Step.SERVERS, m.stepProperty().get());
        assertEquals(2, m.servers().size());
        assertTrue(m.servers().stream().allMatch(ServerChoice::knownDown));
        assertTrue(
                m.servers().get(0).healthText().startsWith("not answering"),
                m.servers().get(0).healthText());
        assertTrue(m.problemProperty().get().startsWith("FAR_1 is not answering"));
        assertEquals("2 servers are not answering.", m.serversNoteProperty().get());
    }

    @Test
    void afterAFailureTheServersStepChecksTheServersAgain() throws Exception {
        int port = LoopbackPorts.unused();
        ServersConfig.load(home)
                .with("FAR_1", new ServerInfo("https://127.0.0.1:" + port, 21, "a".repeat(64), false))
                .with("FAR_2", new ServerInfo("https://127.0.0.1:" + port, 22, "b".repeat(64), false))
                .save();
        NewKeyViewModel m = model();
        m.next();
        // an earlier check had found them answering; since then they stopped and generation failed
        m.servers()
                .forEach(c -> c.statusProperty()
                        .set(new ServerStatus(
                                c.name(), "https://127.0.0.1:" + port, 21, "a".repeat(64), false, true, 119L, null)));
        m.stepProperty().set(Step.FAILED);
        m.back();
        assertEquals(Step.SERVERS, m.stepProperty().get());
        assertTrue(m.servers().stream().allMatch(ServerChoice::knownDown), "the old \"ok, 119 ms\" is not shown again");
        assertEquals("2 servers are not answering.", m.serversNoteProperty().get());
    }

    @Test
    void aServerThatAnsweredAndRefusedIsNotToldToStartAgain() {
        assertTrue(KeygenProgressModel.advice("REMOTE_A", false).startsWith("Start REMOTE_A again (Servers screen)"));
        String refused = KeygenProgressModel.advice("REMOTE_A", true);
        assertTrue(refused.startsWith("REMOTE_A answered and refused: do what its answer above says"), refused);
        assertFalse(refused.contains("Start REMOTE_A"), refused);
        assertTrue(KeygenProgressModel.advice(null, false).startsWith("Retry starts a new attempt"));
    }
}
