package io.keyshard.cli;

import io.keyshard.Home;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after its name: {@code --home} and {@code --password-file}. */
public final class GlobalOptions {

    @Option(
            names = "--home",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Keyshard's data folder (default: $KEYSHARD_HOME or ~/.keyshard).")
    Path home;

    @Option(
            names = "--password-file",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Read the vault password from the first line of FILE "
                    + "(else $KEYSHARD_PASSWORD, else a prompt).")
    Path passwordFile;

    /** The global options of the command tree {@code spec} belongs to (walks up to {@code keyshard}). */
    public static GlobalOptions of(CommandSpec spec) {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        return ((KeyshardCommand) root.userObject()).global;
    }

    /** The resolved home folder. */
    public Path home() {
        return Home.resolve(home);
    }

    public Path passwordFile() {
        return passwordFile;
    }
}
