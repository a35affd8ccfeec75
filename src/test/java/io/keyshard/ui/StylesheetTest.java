package io.keyshard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.PasswordRule;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.css.CompoundSelector;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's stylesheet against the code that uses it: it parses without a single error (JavaFX only
 * logs a broken rule and drops it), every rule and declaration of the file was read, every style
 * class the views add has a rule (here or in the AtlantaFX theme), and no rule styles a class or id
 * that no view sets (a renamed class silently loses its look).
 */
class StylesheetTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern CLASS_CALL =
            Pattern.compile("getStyleClass\\(\\)\\.(?:add|addAll|setAll)\\(([^;]*)\\);");
    /** Helpers that add the class they are given ({@code EmptyState.paragraph(text, styleClass)}). */
    private static final Pattern CLASS_HELPER = Pattern.compile("paragraph\\(\\w+, \"([a-z][a-z0-9-]*)\"\\)");

    private static final Pattern SET_ID = Pattern.compile("setId\\(\\s*\"([^\"]+)\"");
    private static final Pattern LOOKUP = Pattern.compile("lookup(?:All)?\\(\"\\.([a-z][a-z0-9-]*)\"\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*)\"");
    /** Classes the views add as structure only: no rule styles them, and that is deliberate. */
    private static final Set<String> UNSTYLED =
            Set.of("copy-button", "curve-choice", "key-details-body", "pipeline-view", "unlock-busy");

    private static String css;
    private static Stylesheet sheet;
    private static List<String> parseErrors;
    private static Set<String> themeClasses;
    private static String code;

    @BeforeAll
    static void read() throws Exception {
        URL url = AppWindow.class.getResource("keyshard.css");
        assertNotNull(url, "keyshard.css is on the class path");
        css = new String(url.openStream().readAllBytes(), StandardCharsets.UTF_8);
        CssParser.errorsProperty().clear();
        sheet = new CssParser().parse(url);
        parseErrors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        String theme = new PrimerLight().getUserAgentStylesheet();
        URL themeUrl = PrimerLight.class.getResource(theme.startsWith("/") ? theme : "/" + theme);
        assertNotNull(themeUrl, theme);
        themeClasses = classes(new CssParser().parse(themeUrl).getRules());
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        code = all.toString();
        assertTrue(code.contains("class AppWindow"), "the main sources were read from " + SOURCES.toAbsolutePath());
    }

    @Test
    void keyshardCssParsesCleanlyAndEveryRuleIsRead() {
        assertEquals(List.of(), parseErrors, "CSS parse errors");
        String text = css.replaceAll("(?s)/\\*.*?\\*/", "");
        long blocks = text.chars().filter(c -> c == '{').count();
        assertEquals(blocks, sheet.getRules().size(), "every rule block of the file is a rule");
        long declarations = 0;
        Matcher block = Pattern.compile("\\{([^}]*)\\}").matcher(text);
        while (block.find()) {
            declarations += Arrays.stream(block.group(1).split(";"))
                    .filter(d -> d.contains(":"))
                    .count();
        }
        assertEquals(
                declarations,
                sheet.getRules().stream()
                        .mapToLong(r -> r.getDeclarations().size())
                        .sum(),
                "every declaration of the file was kept");
    }

    @Test
    void everyStyleClassTheViewsAddHasARule() {
        Set<String> styled = classes(sheet.getRules());
        Set<String> missing = new TreeSet<>();
        for (String c : addedClasses()) {
            if (!styled.contains(c) && !themeClasses.contains(c) && !lookedUp().contains(c) && !UNSTYLED.contains(c)) {
                missing.add(c);
            }
        }
        assertEquals(Set.of(), missing, "style classes added by a view that no rule styles");
        for (String c : UNSTYLED) {
            assertTrue(addedClasses().contains(c), c + " is no longer used: drop it from UNSTYLED");
            assertFalse(styled.contains(c), c + " has a rule now: drop it from UNSTYLED");
        }
    }

    @Test
    void everyClassAndIdTheStylesheetStylesIsSetByAView() {
        Set<String> added = addedClasses();
        Set<String> dead = new TreeSet<>();
        for (String c : classes(sheet.getRules())) {
            if (!added.contains(c) && !themeClasses.contains(c)) {
                dead.add("." + c);
            }
        }
        Set<String> ids = new TreeSet<>();
        Matcher m = SET_ID.matcher(code);
        while (m.find()) {
            ids.add(m.group(1));
        }
        for (String id : ids(sheet.getRules())) {
            if (!ids.contains(id) && ids.stream().noneMatch(p -> p.endsWith("-") && id.startsWith(p))) {
                dead.add("#" + id);
            }
        }
        assertEquals(Set.of(), dead, "rules for a class or id no view sets");
    }

    /** Every class a view adds: string literals, and the two families named after an enum value. */
    private static Set<String> addedClasses() {
        Set<String> out = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        Matcher call = CLASS_CALL.matcher(code);
        while (call.find()) {
            Matcher lit = LITERAL.matcher(call.group(1));
            while (lit.find()) {
                (lit.group(1).endsWith("-") ? families : out).add(lit.group(1));
            }
        }
        Matcher helper = CLASS_HELPER.matcher(code);
        while (helper.find()) {
            out.add(helper.group(1));
        }
        assertEquals(Set.of("status-", "strength-"), families, "a new family of classes: list its values here");
        Arrays.stream(KeyStatus.values())
                .forEach(s -> out.add("status-" + s.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(PasswordRule.Strength.values())
                .forEach(l -> out.add("strength-" + l.name().toLowerCase(Locale.ROOT)));
        assertTrue(out.size() > 30, "the views' classes were found: " + out);
        return out;
    }

    private static Set<String> lookedUp() {
        Set<String> out = new TreeSet<>();
        Matcher m = LOOKUP.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> classes(List<Rule> rules) {
        Set<String> out = new TreeSet<>();
        simpleSelectors(rules).forEach(s -> out.addAll(s.getStyleClasses()));
        return out;
    }

    private static Set<String> ids(List<Rule> rules) {
        Set<String> out = new TreeSet<>();
        simpleSelectors(rules).filter(s -> !s.getId().isEmpty()).forEach(s -> out.add(s.getId()));
        return out;
    }

    private static Stream<SimpleSelector> simpleSelectors(List<Rule> rules) {
        return rules.stream().flatMap(r -> r.getSelectors().stream()).flatMap(StylesheetTest::simple);
    }

    private static Stream<SimpleSelector> simple(Selector s) {
        return s instanceof CompoundSelector c ? c.getSelectors().stream() : Stream.of((SimpleSelector) s);
    }
}
