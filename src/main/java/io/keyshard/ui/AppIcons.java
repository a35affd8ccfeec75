package io.keyshard.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The Keyshard mark, rendered from icons/keyshard.svg into PNGs that the build copies onto the class path. */
public final class AppIcons {
    /** Every size that icons/generate.sh renders. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private AppIcons() {}

    /** The mark at one of {@link #SIZES}; fails loudly if the build left it out of the jar. */
    public static Image image(int size) {
        String path = "icons/keyshard-" + size + ".png";
        InputStream in = AppIcons.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("app icon missing from the class path: io/keyshard/ui/" + path);
        }
        return new Image(in);
    }

    /** All sizes, so the window manager can pick the sharpest for title bar, task bar and switcher. */
    public static List<Image> windowIcons() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            images.add(image(size));
        }
        return images;
    }
}
