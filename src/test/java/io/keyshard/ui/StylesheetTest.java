package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The app's stylesheet parses without a single error: JavaFX only logs a broken rule and drops the rest of the file. */
class StylesheetTest {
    @Test
    void keyshardCssParsesCleanly() throws Exception {
        URL css = AppWindow.class.getResource("keyshard.css");
        assertNotNull(css, "keyshard.css is on the class path");
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(css);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertEquals(List.of(), errors, "CSS parse errors");
        assertTrue(sheet.getRules().size() > 40, "every rule was read: " + sheet.getRules().size());
    }
}
