package io.keyshard.ui.common;

import io.keyshard.vault.PasswordRule.Strength;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The strength bar and its "Strength: Good" label, showing a {@link PasswordMeter}. */
public final class PasswordMeterBar extends HBox {
    private final PasswordMeter meter;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label label = new Label("Strength");

    /** @param idPrefix prefix of the bar's and label's ids ("strength" gives strength-bar, strength-label) */
    public PasswordMeterBar(PasswordMeter meter, String idPrefix) {
        super(10);
        this.meter = meter;
        bar.setId(idPrefix + "-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        label.setId(idPrefix + "-label");
        label.setMinWidth(120);
        getChildren().setAll(bar, label);
        setAlignment(Pos.CENTER_LEFT);
        meter.strengthProperty().addListener((obs, o, n) -> show());
        meter.emptyProperty().addListener((obs, o, n) -> show());
        show();
    }

    private void show() {
        for (Strength s : Strength.values()) {
            bar.getStyleClass().remove("strength-" + s.name().toLowerCase(Locale.ROOT));
        }
        if (meter.emptyProperty().get()) { // nothing typed yet: an empty meter, not a red verdict
            bar.setProgress(0);
            label.setText("Strength");
            return;
        }
        Strength s = meter.strengthProperty().get();
        bar.setProgress((s.ordinal() + 1) / 4.0);
        bar.getStyleClass().add("strength-" + s.name().toLowerCase(Locale.ROOT));
        label.setText("Strength: " + s.label());
    }
}
