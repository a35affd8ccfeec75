package io.keyshard.ui.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's size and position, kept under "window" in {@code <home>/settings.json} so the
 * app reopens where it was closed. A placement that no screen shows any more is ignored.
 */
public record WindowPlacement(double x, double y, double width, double height) {
    static final String FIELD = "window";

    /** The placement saved in {@code home}, if there is a sane one. */
    public static Optional<WindowPlacement> load(Path home) {
        Path file = home.resolve(AppSettings.FILE);
        try {
            JsonNode w = Files.isRegularFile(file)
                    ? StrictJson.mapper().readTree(Files.readAllBytes(file)).path(FIELD)
                    : null;
            if (w == null || !w.isObject()) {
                return Optional.empty();
            }
            WindowPlacement p = new WindowPlacement(
                    w.path("x").asDouble(Double.NaN),
                    w.path("y").asDouble(Double.NaN),
                    w.path("width").asDouble(Double.NaN),
                    w.path("height").asDouble(Double.NaN));
            return p.sane() ? Optional.of(p) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes this placement into settings.json, keeping the other settings. */
    public void save(Path home) throws IOException {
        ObjectNode n = AppSettings.readObject(home);
        ObjectNode w = n.putObject(FIELD);
        w.put("x", x);
        w.put("y", y);
        w.put("width", width);
        w.put("height", height);
        AppSettings.writeObject(home, n);
    }

    private boolean sane() {
        return Double.isFinite(x)
                && Double.isFinite(y)
                && Double.isFinite(width)
                && Double.isFinite(height)
                && width >= 200
                && height >= 150
                && width <= 20000
                && height <= 20000;
    }

    /** Puts {@code stage} where it was last closed, if that place is still on a screen. */
    public static void restore(Stage stage, Path home) {
        load(home)
                .filter(p -> !Screen.getScreensForRectangle(new Rectangle2D(p.x, p.y, p.width, p.height))
                        .isEmpty())
                .ifPresent(p -> {
                    stage.setX(p.x);
                    stage.setY(p.y);
                    stage.setWidth(Math.max(p.width, stage.getMinWidth()));
                    stage.setHeight(Math.max(p.height, stage.getMinHeight()));
                });
    }

    /** The placement of {@code stage} now (a maximized window keeps its size from before). */
    public static WindowPlacement of(Stage stage) {
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }
}
