package io.keyshard.node;

import io.keyshard.OwnerOnlyFiles;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The layout of a node's data folder; every file in it is owner-only. */
public final class NodeFiles {
    private static final String SETUP_DATABASE = "setups";
    private final Path dir;

    public NodeFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** True once {@code node init} made this folder a node's (its config is there). */
    public boolean initialised() {
        return Files.exists(config());
    }

    Path config() {
        return dir.resolve("config.json");
    }

    Path certificate() {
        return dir.resolve("tls-cert.der");
    }

    Path tlsKey() {
        return dir.resolve("tls-key.p8");
    }

    Path identityKeys() {
        return dir.resolve("identity.key");
    }

    Path masterKey() {
        return dir.resolve("master.key");
    }

    Path clients() {
        return dir.resolve("clients.json");
    }

    Path peers() {
        return dir.resolve("peers.json");
    }

    /** The H2 database path without its {@code .mv.db} suffix. */
    Path shareDatabase() {
        return dir.resolve("shares");
    }

    /** The ECDSA pairwise setups' H2 database path without its {@code .mv.db} suffix ({@link SetupStore}). */
    Path setupDatabase() {
        return dir.resolve(SETUP_DATABASE);
    }

    /**
     * True for the files of the pairwise setup store ({@code setups.mv.db} and H2's files next to it): OT
     * seeds that a node backup never holds and a restore never brings back, so a pair burned after a
     * failed check cannot come back with an older copy of the store (DESIGN.md 13.4, selective-abort
     * defence). A restored node has no setups; each ECDSA key runs a fresh one at its next signing.
     */
    public static boolean isPairwiseSetup(String fileName) {
        return fileName.equals(SETUP_DATABASE) || fileName.startsWith(SETUP_DATABASE + ".");
    }

    /** Reads the node's config; a clear message when the folder is not a node's. */
    public NodeConfig readConfig() throws IOException {
        return StrictJson.mapper().readValue(readRequired(config()), NodeConfig.class);
    }

    void writeConfig(NodeConfig config) throws IOException {
        OwnerOnlyFiles.write(config(), StrictJson.pretty().writeValueAsBytes(config));
    }

    byte[] readRequired(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NodeSetupException(dir + " is not a node data folder (missing " + file.getFileName()
                    + "); create one with 'keyshard node init'");
        }
    }
}
