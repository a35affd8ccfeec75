package io.keyshard.cli;

import io.keyshard.ExitCoded;
import io.keyshard.Version;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.frost.SigningException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keyshard} command: the root of every subcommand of docs/cli.md. */
@Command(
        name = "keyshard",
        mixinStandardHelpOptions = true,
        versionProvider = KeyshardCommand.VersionProvider.class,
        description = "Keyshard: a key manager for threshold-MPC wallet keys.%n"
                + "Run without arguments to open the desktop app.",
        subcommands = {
            CommandLine.HelpCommand.class,
            InitCommand.class,
            NodesCommand.class,
            NodeCommand.class,
            ServersCommand.class,
            KeygenCommand.class,
            KeysCommand.class,
            PathCommand.class,
            DeriveCommand.class,
            SignCommand.class,
            VaultCommand.class,
            ExportCommand.class,
        })
public final class KeyshardCommand implements Runnable {

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /** A configured command line; tests use it to run commands in-process with their own streams. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new KeyshardCommand());
        withHelpOptions(cl);
        cl.setExecutionExceptionHandler(KeyshardCommand::handleException);
        cl.setParameterExceptionHandler(KeyshardCommand::handleParameterException);
        cl.setExecutionStrategy(KeyshardCommand::refuseUnmatchedThenRun);
        return cl;
    }

    /** Gives every command {@code -h/--help}, so help is printed before required options are checked. */
    private static void withHelpOptions(CommandLine cl) {
        if (cl.getCommandSpec().optionsMap().get("--help") == null) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().stream().distinct().forEach(KeyshardCommand::withHelpOptions);
    }

    /**
     * Picocli stops checking arguments once {@code --help} is seen, so {@code keyshard export --help} would print the
     * top-level usage and exit 0 as if {@code export} existed; an argument nobody matched is refused first.
     */
    private static int refuseUnmatchedThenRun(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                String first = p.unmatched().get(0);
                CommandLine at = p.commandSpec().commandLine();
                if (!at.getSubcommands().isEmpty() && !first.startsWith("-")) {
                    throw new CommandLine.UnmatchedArgumentException(
                            at,
                            "unknown command '" + first + "' (commands: "
                                    + String.join(", ", at.getSubcommands().keySet()) + ")");
                }
                throw new CommandLine.UnmatchedArgumentException(at, p.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("error: " + ex.getMessage());
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCoded.BAD_INPUT;
    }

    private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code = exitCodeOf(ex);
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("error: " + message);
        if (code == ExitCoded.OTHER && System.getenv("KEYSHARD_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * Maps an exception to the exit codes of docs/cli.md. The pure packages' exceptions know nothing
     * of exit codes: a failed protocol or signing check is mapped here, and a bad encoding is bad input.
     */
    static int exitCodeOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ExitCoded coded) {
                return coded.exitCode();
            }
            if (t instanceof ProtocolException || t instanceof SigningException) {
                return ExitCoded.PROTOCOL;
            }
            if (t instanceof IllegalArgumentException) {
                return ExitCoded.BAD_INPUT;
            }
        }
        return ExitCoded.OTHER;
    }

    /** Prints {@code keyshard <version>}. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"keyshard " + Version.get()};
        }
    }
}
