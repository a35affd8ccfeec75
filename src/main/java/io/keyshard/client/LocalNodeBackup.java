package io.keyshard.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.ExitCoded;
import io.keyshard.Home;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.json.StrictJson;
import io.keyshard.node.NodeDataInfo;
import io.keyshard.node.NodeFiles;
import io.keyshard.vault.PasswordSealedFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Encrypted backups of the local cluster's server folders ({@code <home>/nodes/NAME}: node data,
 * the cluster's API key and public entry), one file per server, sealed like a vault backup
 * ({@link PasswordSealedFile}). Both directions need the server stopped: a running node's store is
 * being written, and a restore replaces the folder it works in. The ECDSA pairwise setups are never
 * backed up nor restored ({@link NodeFiles#isPairwiseSetup}): a restored server sets each ECDSA key up
 * afresh at its next signing, so OT seeds burned after the backup never come back.
 */
public final class LocalNodeBackup {
    static final String FORMAT = "keyshard-node-backup";
    /** The suffix of a server's backup file, {@code NAME.ksnode}. */
    public static final String SUFFIX = ".ksnode";

    /** What a restore tells the user about its ECDSA keys. */
    public static final String SETUPS_NOTE = "ECDSA keys of the restored servers run a fresh pairwise setup at their "
            + "next signing (a node backup holds no OT seeds, so none burned since can come back)";

    private static final long MAX_SIZE = 512L * 1024 * 1024;
    private static final String NAME_PART = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    /** One backup file written. */
    public record Written(String name, Path file) {}

    /**
     * One server of a restore: {@code replaced} when a folder of the same identity was there before and now holds
     * the backup; {@code kept} when that folder was left as it is (a restore that does not set servers back).
     */
    public record Restored(String name, Path folder, boolean replaced, boolean kept) {}

    /** What a restore does to a server's folder. */
    private enum Target {
        NEW,
        REPLACE,
        KEEP
    }

    /** A backup or restore refused before anything was written, with its exit code. */
    public static final class Refused extends RuntimeException implements ExitCoded {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        public Refused(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        @Override
        public int exitCode() {
            return exitCode;
        }
    }

    private record Contents(String name, Map<String, byte[]> files) {}

    private LocalNodeBackup() {}

    /** Writes {@code outDir/NAME.ksnode} for each named server, sealed under {@code password}. */
    public static List<Written> backup(Path home, List<String> names, Path outDir, char[] password) throws IOException {
        if (!Files.isDirectory(outDir)) {
            throw new Refused(ExitCoded.BAD_INPUT, "the folder " + outDir + " does not exist");
        }
        List<Written> out = new ArrayList<>();
        try (FileChannel ch = clusterLock(home);
                FileLock lock = ch.lock()) {
            for (String name : names) {
                Path folder = folder(home, name);
                if (!Files.isDirectory(folder.resolve("data"))) {
                    throw new Refused(
                            ExitCoded.BAD_INPUT,
                            "there is no local server " + name + " in " + home
                                    + " (the local cluster makes it on its first start)");
                }
                requireStopped(name, folder);
                Path file = outDir.resolve(name + SUFFIX);
                byte[] payload = payload(name, folder);
                try {
                    PasswordSealedFile.write(file, FORMAT, payload, password);
                } finally {
                    Arrays.fill(payload, (byte) 0);
                }
                out.add(new Written(name, file));
            }
        }
        return out;
    }

    /**
     * Restores each backup file into {@code <home>/nodes/NAME}: all are opened and checked first, then
     * each folder is replaced in one rename. Refuses a server that runs, and one whose folder holds
     * shares under another identity.
     */
    public static List<Restored> restore(Path home, List<Path> files, char[] password) throws IOException {
        return restore(home, files, password, true);
    }

    /**
     * As {@link #restore(Path, List, char[])}; with {@code rollBack} false a server whose folder is already this
     * same server is kept as it is ({@link Restored#kept}): a restore would set it back to the backup and drop its
     * shares of every key made since. Then only a missing server, or a fresh one that holds no share, is restored.
     */
    public static List<Restored> restore(Path home, List<Path> files, char[] password, boolean rollBack)
            throws IOException {
        List<Contents> all = new ArrayList<>();
        for (Path f : files) {
            all.add(open(f, password));
        }
        Home.ensureOwnerOnlyDir(home.resolve("nodes"));
        List<Restored> out = new ArrayList<>();
        try (FileChannel ch = clusterLock(home);
                FileLock lock = ch.lock()) {
            List<Target> targets = new ArrayList<>();
            for (Contents c : all) {
                targets.add(checkTarget(home, c, rollBack));
            }
            for (int i = 0; i < all.size(); i++) {
                Contents c = all.get(i);
                Path folder = folder(home, c.name());
                if (targets.get(i) == Target.KEEP) {
                    out.add(new Restored(c.name(), folder, false, true));
                    continue;
                }
                install(home, c, folder);
                out.add(new Restored(c.name(), folder, targets.get(i) == Target.REPLACE, false));
                byte[] entry = c.files().get("entry.json");
                if (entry != null) {
                    ServerInfo info = StrictJson.mapper().readValue(entry, ServerInfo.class);
                    ServersConfig.update(home, config -> config.with(c.name(), info));
                }
            }
        } finally {
            all.forEach(c -> c.files().values().forEach(b -> Arrays.fill(b, (byte) 0)));
        }
        return out;
    }

    /** The backup files of {@code dir}: {@code NAME.ksnode}, or every such file when {@code name} is null. */
    public static List<Path> filesIn(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new Refused(ExitCoded.BAD_INPUT, "the folder " + dir + " does not exist");
        }
        List<Path> found;
        try (Stream<Path> list = Files.list(dir)) {
            found = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> name == null || p.getFileName().toString().equals(name + SUFFIX))
                    .sorted()
                    .toList();
        }
        if (found.isEmpty()) {
            throw new Refused(ExitCoded.BAD_INPUT, "no " + (name == null ? "*" : name) + SUFFIX + " file in " + dir);
        }
        return found;
    }

    private static byte[] payload(String name, Path folder) throws IOException {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("version", 1);
        root.put("name", name);
        root.put("createdAt", Instant.now().toString());
        ObjectNode files = root.putObject("files");
        for (String rel : stateFiles(folder)) {
            files.put(rel, Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve(rel))));
        }
        return StrictJson.mapper().writeValueAsBytes(root);
    }

    /** The files that make up a server: {@code client.key}, {@code entry.json} and the node's data (not its log). */
    private static List<String> stateFiles(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        for (String top : List.of("client.key", "entry.json")) {
            if (Files.isRegularFile(folder.resolve(top))) {
                out.add(top);
            }
        }
        try (Stream<Path> data = Files.list(folder.resolve("data"))) {
            data.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(NodeDataInfo::isState)
                    .filter(n -> !NodeFiles.isPairwiseSetup(n))
                    .sorted()
                    .forEach(n -> out.add("data/" + n));
        }
        return out;
    }

    private static Contents open(Path file, char[] password) {
        byte[] plain = PasswordSealedFile.read(file, FORMAT, password, MAX_SIZE, "restored");
        try {
            JsonNode root = StrictJson.mapper().readTree(plain);
            String name = root.path("name").asText();
            if (!root.path("version").isInt() || root.get("version").intValue() > 1) {
                throw bad(file, "it was made by a newer version of Keyshard");
            }
            if (!LocalCluster.NAMES.contains(name)) {
                throw bad(file, "it is not the backup of a local cluster server");
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().matches("(data/)?" + NAME_PART) || !e.getValue().isTextual()) {
                    throw bad(file, "it holds a file outside a server folder");
                }
                byte[] bytes = Base64.getDecoder().decode(e.getValue().asText());
                if (e.getKey().startsWith("data/")
                        && NodeFiles.isPairwiseSetup(e.getKey().substring(5))) {
                    // a backup from before setups were left out: its seeds may be ones burned since
                    Arrays.fill(bytes, (byte) 0);
                    continue;
                }
                files.put(e.getKey(), bytes);
            }
            if (!files.containsKey("data/" + NodeDataInfo.CERTIFICATE)) {
                throw bad(file, "it holds no server data");
            }
            return new Contents(name, files);
        } catch (IOException | IllegalArgumentException e) {
            throw bad(file, "its contents are not a server's folder");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Refuses a target that runs or that holds shares under another identity; true if a folder will be replaced. */
    private static Target checkTarget(Path home, Contents c, boolean rollBack) throws IOException {
        Path folder = folder(home, c.name());
        if (!Files.exists(folder)) {
            return Target.NEW;
        }
        requireStopped(c.name(), folder);
        Path cert = folder.resolve("data").resolve(NodeDataInfo.CERTIFICATE);
        boolean same = Files.isRegularFile(cert)
                && Arrays.equals(Files.readAllBytes(cert), c.files().get("data/" + NodeDataInfo.CERTIFICATE));
        if (!same && NodeDataInfo.sharesHeld(folder.resolve("data")) > 0) {
            throw new Refused(
                    ExitCoded.BAD_INPUT,
                    "the local server " + c.name() + " in " + home + " is another "
                            + "server (another identity) and holds shares that a restore would destroy; move " + folder
                            + " away first; nothing was restored");
        }
        return same && !rollBack ? Target.KEEP : Target.REPLACE;
    }

    private static void requireStopped(String name, Path folder) throws IOException {
        if (NodeDataInfo.inUse(folder.resolve("data"))) {
            throw new Refused(
                    ExitCoded.VAULT,
                    "the local server " + name + " is running: stop the local cluster "
                            + "first (close the app, or end 'keyshard nodes up')");
        }
    }

    /** Writes the folder next to its place, then swaps it in with renames, so a server is never half restored. */
    private static void install(Path home, Contents c, Path folder) throws IOException {
        Path nodes = home.resolve("nodes");
        String tag = UUID.randomUUID().toString();
        Path fresh = nodes.resolve(".restore-" + c.name() + "-" + tag);
        Home.ensureOwnerOnlyDir(fresh.resolve("data"));
        for (Map.Entry<String, byte[]> e : c.files().entrySet()) {
            OwnerOnlyFiles.write(fresh.resolve(e.getKey()), e.getValue());
        }
        Path old = nodes.resolve(".replaced-" + c.name() + "-" + tag);
        if (Files.exists(folder)) {
            Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static FileChannel clusterLock(Path home) throws IOException {
        Path nodes = Home.ensureOwnerOnlyDir(home.resolve("nodes"));
        return FileChannel.open(nodes.resolve("cluster.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static Path folder(Path home, String name) {
        return home.resolve("nodes").resolve(name);
    }

    private static Refused bad(Path file, String why) {
        return new Refused(ExitCoded.BAD_INPUT, "cannot restore " + file + ": " + why + "; nothing was restored");
    }
}
