package io.keyshard.ui.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Chain;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.Network;
import io.keyshard.payload.bitcoin.Descriptors;
import io.keyshard.ui.Screenshots;
import io.keyshard.ui.StyledStage;
import io.keyshard.ui.Theme;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Addresses window's list: receive and change addresses with copy, QR and Next, and the account zpub. */
@ExtendWith(ApplicationExtension.class)
class AddressListWindowTest {
    private PipelineViewModel model;
    private TabPane tabs;
    private Stage stage;
    private final List<String> copied = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        KeyRecord key = StyledStage.readyKey(CurveName.SECP256K1, "Savings");
        model = new PipelineViewModel(key, KeyDerivation.of(key), new UiTasks(Runnable::run, Runnable::run));
        model.chainProperty().set(Chain.BITCOIN_P2WPKH);
        tabs = PipelineView.windowContent(model, copied::add);
        StyledStage.show(stage, tabs, 1280, 800);
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
    }

    @Test
    void listsReceiveAndChangeWithNextCopyAndTheAccountZpub(FxRobot robot) {
        String pipelineAddress = model.stagesProperty().get().address();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#address-table").queryAs(TableView.class);
        AddressListView view = robot.lookup("#address-list-view").queryAs(AddressListView.class);
        assertEquals(AddressListView.FIRST, view.entries().size());
        assertEquals(pipelineAddress, view.entries().get(0).address(), "index 0 is the pipeline's address");
        assertEquals("m/84/0/0/0/0", view.entries().get(0).path());
        String zpub = robot.lookup("#account-xpub").queryAs(Label.class).getText();
        assertTrue(zpub.startsWith("zpub"), zpub);
        Screenshots.save(robot, tabs, "addresses-list-1280");

        robot.clickOn("#address-list-next");
        assertEquals(1, table.getSelectionModel().getSelectedIndex());
        robot.clickOn("#address-list-copy");
        assertEquals(view.entries().get(1).address(), copied.get(copied.size() - 1));
        robot.interact(() -> table.getSelectionModel().select(AddressListView.FIRST - 1));
        robot.clickOn("#address-list-next");
        assertEquals(AddressListView.FIRST + 1, view.entries().size(), "Next goes past the first ten");
        assertEquals(AddressListView.FIRST, table.getSelectionModel().getSelectedIndex());
        robot.clickOn("#copy-account-xpub");
        assertEquals(zpub, copied.get(copied.size() - 1));
        String descriptor =
                robot.lookup("#account-descriptor").queryAs(Label.class).getText();
        assertTrue(descriptor.startsWith("wpkh([") && descriptor.contains("/84/0/0]xpub"), descriptor);
        assertEquals(
                descriptor,
                Descriptors.export(Chain.BITCOIN_P2WPKH, model.start().key(), 0, Network.MAINNET));
        robot.clickOn("#copy-account-descriptor");
        assertEquals(descriptor, copied.get(copied.size() - 1));

        robot.clickOn("#branch-change");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("m/84/0/0/1/0", view.entries().get(0).path());
        robot.interact(Theme.DARK::apply);
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, tabs, "addresses-list-change-1024-dark");

        robot.interact(() -> model.chainProperty().set(Chain.DID_KEY));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                robot.lookup("#branch-change").queryAs(RadioButton.class).isDisabled(), "did:key has no change branch");
        assertTrue(robot.lookup("#branch-receive").queryAs(RadioButton.class).isSelected());
        assertEquals("", robot.lookup("#account-xpub").queryAs(Label.class).getText(), "no xpub for did:key");
        assertEquals(
                "", robot.lookup("#account-descriptor").queryAs(Label.class).getText(), "no descriptor for did:key");
    }

    @Test
    void atNarrowWidthsPathsStayWholeAndAddressesKeepBothEnds(FxRobot robot) {
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.interact(() -> model.chainProperty().set(Chain.DID_KEY));
        for (int[] size : new int[][] {{1024, 700}, {800, 600}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(robot, tabs, "addresses-list-didkey-" + size[0]);
            List<TableCell<?, ?>> cells =
                    robot.lookup("#address-table .table-cell").<TableCell<?, ?>>queryAll().stream()
                            .filter(c -> !c.isEmpty() && c.getItem() != null)
                            .toList();
            assertFalse(cells.isEmpty());
            for (TableCell<?, ?> cell : cells) {
                String item = cell.getItem().toString();
                String shown = ((Text) cell.lookup(".text")).getText();
                if (item.startsWith("m/")) {
                    assertEquals(item, shown, "a path is never cut at " + size[0] + " px");
                } else if (item.startsWith("did:")) {
                    String dots = cell.getEllipsisString();
                    int cut = shown.indexOf(dots);
                    assertTrue(
                            shown.equals(item)
                                    || (cut > 8
                                            && item.startsWith(shown.substring(0, cut))
                                            && item.endsWith(shown.substring(cut + dots.length()))
                                            && shown.length() - cut - dots.length() > 6),
                            "an address keeps its start and end: " + shown);
                    assertEquals(item, cell.getTooltip().getText(), "the whole address is in the tooltip");
                }
            }
        }
    }
}
