package io.keyshard.ui.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.Home;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.json.StrictJson;
import io.keyshard.ui.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app's preferences as stored in {@code <home>/settings.json}: theme, auto-lock minutes
 * (0 = never) and whether copied values are cleared from the clipboard. A missing or unreadable
 * file gives the defaults, so a damaged file never keeps the app from starting.
 */
public record AppSettings(Theme theme, int autoLockMinutes, boolean clearClipboard) {
    public static final String FILE = "settings.json";
    public static final int MAX_AUTO_LOCK_MINUTES = 120;
    public static final AppSettings DEFAULTS = new AppSettings(Theme.LIGHT, 10, true);

    public AppSettings {
        if (theme == null) {
            throw new IllegalArgumentException("a theme is required");
        }
        if (autoLockMinutes < 0 || autoLockMinutes > MAX_AUTO_LOCK_MINUTES) {
            throw new IllegalArgumentException("auto-lock must be 0 (never) to " + MAX_AUTO_LOCK_MINUTES + " minutes");
        }
    }

    /** Reads the settings of {@code home}; defaults for anything missing, malformed or out of range. */
    public static AppSettings load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        try {
            JsonNode n = StrictJson.mapper().readTree(file.toFile());
            Theme theme = DEFAULTS.theme;
            for (Theme t : Theme.values()) {
                if (t.name().equalsIgnoreCase(n.path("theme").asText())) {
                    theme = t;
                }
            }
            int minutes = n.path("autoLockMinutes").canConvertToInt()
                    ? n.path("autoLockMinutes").intValue()
                    : -1;
            if (minutes < 0 || minutes > MAX_AUTO_LOCK_MINUTES) {
                minutes = DEFAULTS.autoLockMinutes;
            }
            boolean clear = n.path("clearClipboard").isBoolean()
                    ? n.path("clearClipboard").booleanValue()
                    : DEFAULTS.clearClipboard;
            return new AppSettings(theme, minutes, clear);
        } catch (IOException | RuntimeException e) {
            return DEFAULTS;
        }
    }

    /** Writes the settings atomically (temp file, then rename), keeping other entries such as the window placement. */
    public void save(Path home) throws IOException {
        ObjectNode n = readObject(home);
        n.put("theme", theme.name());
        n.put("autoLockMinutes", autoLockMinutes);
        n.put("clearClipboard", clearClipboard);
        writeObject(home, n);
    }

    /** The settings file as a JSON object; empty when it is missing or not an object. */
    static ObjectNode readObject(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (Files.isRegularFile(file)
                    && StrictJson.mapper().readTree(Files.readAllBytes(file)) instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException | RuntimeException e) {
            // a damaged file is replaced by what is written now
        }
        return StrictJson.mapper().createObjectNode();
    }

    /** Writes {@code n} as the settings file atomically, creating the home folder owner-only if needed. */
    static void writeObject(Path home, ObjectNode n) throws IOException {
        Home.ensureOwnerOnlyDir(home);
        OwnerOnlyFiles.write(home.resolve(FILE), StrictJson.pretty().writeValueAsBytes(n));
    }
}
