package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The build copies every rendered icon size onto the class path, each really that size. */
class AppIconsTest {

    @Test
    void everySizeIsOnTheClassPathAtItsSize() throws IOException {
        for (int size : AppIcons.SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("icons/keyshard-" + size + ".png")) {
                assertNotNull(in, "icon " + size + " missing from the class path");
                BufferedImage image = ImageIO.read(in);
                assertEquals(size, image.getWidth(), "width of icon " + size);
                assertEquals(size, image.getHeight(), "height of icon " + size);
                // Transparent corners (rounded tile), opaque centre: the mark is drawn, not blank.
                assertEquals(0, image.getRGB(0, 0) >>> 24, "corner of icon " + size);
                assertEquals(0xff, image.getRGB(size / 2, size / 2) >>> 24, "centre of icon " + size);
            }
        }
    }
}
