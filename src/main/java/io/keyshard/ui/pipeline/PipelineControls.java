package io.keyshard.ui.pipeline;

import io.keyshard.address.Chain;
import io.keyshard.derive.Network;
import io.keyshard.ui.common.TitleConverter;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The chain, network, account and index choices above each tab of the Addresses window, bound to its model.
 * Each label stays beside its control and the pairs wrap onto a second line in a narrow window, so no
 * control is squeezed until its value cannot be read.
 */
public final class PipelineControls {
    /** The chain box's width: "EVM (Ethereum and compatible chains)" whole, and the row on one line at 960 px. */
    private static final double CHAIN_WIDTH = 330;

    private PipelineControls() {}

    /**
     * The choices of {@code model}, the index only {@code withIndex}; each control's id is {@code idPrefix}
     * and its name ("chain", "network", "account", "index"), so two tabs of one window keep their ids apart.
     */
    public static Node of(PipelineViewModel model, boolean withIndex, String idPrefix) {
        ComboBox<Chain> chain = new ComboBox<>(model.chains());
        chain.setId(idPrefix + "chain");
        chain.setConverter(new TitleConverter<>(Chain::title));
        chain.valueProperty().bindBidirectional(model.chainProperty());
        chain.setPrefWidth(CHAIN_WIDTH);
        Tooltip whole = new Tooltip(); // the whole title, as the box shows it when there is room
        whole.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> chain.getConverter().toString(chain.getValue()), chain.valueProperty()));
        chain.setTooltip(whole);
        ComboBox<Network> network = new ComboBox<>();
        network.getItems().setAll(Network.values());
        network.setId(idPrefix + "network");
        network.valueProperty().bindBidirectional(model.networkProperty());
        network.setPrefWidth(120);
        Spinner<Integer> account = number(idPrefix + "account", model.accountProperty(), model::accountText);
        account.setTooltip(new Tooltip("Account number (non-hardened, 0 to 2147483647)"));
        account.setPrefWidth(90);
        FlowPane row = new FlowPane(10, 8, pair("Chain", chain), pair("Network", network), pair("Account", account));
        if (withIndex) {
            Spinner<Integer> index = number(idPrefix + "index", model.indexProperty(), model::indexText);
            index.setTooltip(new Tooltip("Address index within the account (non-hardened)"));
            index.setPrefWidth(100);
            row.getChildren().add(pair("Index", index));
        }
        row.setId(idPrefix + "controls");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static HBox pair(String name, Control control) {
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        control.setMinWidth(Region.USE_PREF_SIZE);
        HBox pair = new HBox(8, label, control);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    /**
     * An editable whole-number spinner kept in step with {@code target}; what is typed goes to
     * {@code typed} as it is, which applies a valid number at once and refuses the rest.
     */
    private static Spinner<Integer> number(String id, IntegerProperty target, Consumer<String> typed) {
        IntegerSpinnerValueFactory f = new IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, target.get());
        Spinner<Integer> s = new Spinner<>(f);
        s.setId(id);
        s.setEditable(true);
        f.valueProperty().addListener((o, a, v) -> target.set(v));
        target.addListener((o, a, v) -> f.setValue(v.intValue()));
        s.getEditor().textProperty().addListener((o, a, text) -> typed.accept(text));
        return s;
    }
}
