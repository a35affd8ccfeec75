package io.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} on every command prints that command's usage and exits 0; an unknown command never does. */
class HelpTest {

    @Test
    void helpOnCommandsWithRequiredOptionsPrintsUsage() {
        for (String[] args : List.of(
                new String[] {"keygen", "--help"},
                new String[] {"node", "--help"},
                new String[] {"node", "init", "--help"},
                new String[] {"servers", "add", "--help"})) {
            CliHarness.Result r = CliHarness.run(args);
            String what = String.join(" ", args);
            assertEquals(0, r.exitCode(), what + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: keyshard " + what.replace(" --help", "")), what + ": " + r.out());
            assertFalse(r.err().contains("error"), what + ": " + r.err());
        }
    }

    @Test
    void everyCommandInTheTreeTakesHelp() {
        List<String> names = new ArrayList<>();
        collect(KeyshardCommand.newCommandLine(), names);
        assertTrue(names.size() > 15, names.toString());
        for (String qualified : names) {
            List<String> args = new ArrayList<>(List.of(qualified.split(" ")).subList(1, qualified.split(" ").length));
            args.add("--help");
            CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), qualified + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: " + qualified), qualified + ": " + r.out());
        }
    }

    @Test
    void pathAndDeriveHelpSayTheirPathsAreNotASeedWallets() {
        for (String command : List.of("path", "derive")) {
            String out = CliHarness.run(command, "--help").out();
            assertTrue(out.contains("m/44'/60'/0'/0/0"), command + ": " + out);
            assertTrue(out.contains("MetaMask"), command + ": " + out);
        }
    }

    @Test
    void helpAfterAnUnknownCommandSaysItIsUnknown() {
        CliHarness.Result r = CliHarness.run("transfer", "--help");
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("unknown command 'transfer'"), r.err());
        assertEquals("", r.out(), "no top-level usage that would look like a success");
    }

    private static void collect(CommandLine cl, List<String> names) {
        names.add(cl.getCommandSpec().qualifiedName());
        cl.getSubcommands().values().stream()
                .distinct()
                .filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> collect(sub, names));
    }
}
