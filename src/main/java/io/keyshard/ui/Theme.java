package io.keyshard.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The app's two looks (AtlantaFX Primer light and dark); {@link #apply()} switches the whole app at once. */
public enum Theme {
    LIGHT("Light", new PrimerLight().getUserAgentStylesheet()),
    DARK("Dark", new PrimerDark().getUserAgentStylesheet());

    private final String displayName;
    private final String userAgentStylesheet;

    Theme(String displayName, String userAgentStylesheet) {
        this.displayName = displayName;
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public String displayName() {
        return displayName;
    }

    /** The AtlantaFX stylesheet that draws this theme. */
    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** Makes this theme the look of every window; call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }
}
