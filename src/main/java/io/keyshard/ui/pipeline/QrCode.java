package io.keyshard.ui.pipeline;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** A QR code of a text as a JavaFX image (ZXing core, no AWT): black modules on white, a 2-module quiet zone. */
public final class QrCode {
    private static final int BLACK = 0xff000000;
    private static final int WHITE = 0xffffffff;

    private QrCode() {}

    /** The modules of {@code text} (true = dark), with the quiet zone. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("this value is too long for a QR code", e);
        }
    }

    /** The QR code drawn with {@code scale} pixels per module. */
    public static WritableImage image(String text, int scale) {
        BitMatrix m = matrix(text);
        WritableImage img = new WritableImage(m.getWidth() * scale, m.getHeight() * scale);
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                int argb = m.get(x, y) ? BLACK : WHITE;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        w.setArgb(x * scale + dx, y * scale + dy, argb);
                    }
                }
            }
        }
        return img;
    }
}
