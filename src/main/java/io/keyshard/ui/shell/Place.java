package io.keyshard.ui.shell;

import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** A top-level place in the main window's navigation, in the order the navigation lists them. */
public enum Place {
    KEYS("Keys", MaterialDesignK.KEY_VARIANT),
    SERVERS("Servers", MaterialDesignS.SERVER_NETWORK),
    SETTINGS("Settings", MaterialDesignC.COG_OUTLINE);

    private final String title;
    private final Ikon icon;

    Place(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    /** The digit of this place's shortcut (Ctrl+1 for the first place, and so on). */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    /** A stable id fragment for CSS and tests, e.g. "keys". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
