package io.keyshard.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.keyshard.Home;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.ids.ServerNames;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code <home>/servers.json}: server name -> {@link ServerInfo}, in the order they were added.
 * Immutable snapshots; {@link #update} changes the file atomically, serialised across processes.
 */
public final class ServersConfig {
    private static final String FILE = "servers.json";
    private static final TypeReference<LinkedHashMap<String, ServerInfo>> TYPE = new TypeReference<>() {};
    private final Path file;
    private final Map<String, ServerInfo> servers;

    private ServersConfig(Path file, Map<String, ServerInfo> servers) {
        this.file = file;
        this.servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
    }

    /** Reads {@code <home>/servers.json}; a missing file is an empty config. */
    public static ServersConfig load(Path home) throws IOException {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            return new ServersConfig(file, Map.of());
        }
        Map<String, ServerInfo> read;
        try {
            read = StrictJson.mapper().readValue(Files.readAllBytes(file), TYPE);
            if (read != null) {
                read.keySet().forEach(ServerNames::require);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    file + " is not a valid servers file (" + firstLine(e) + "); fix or remove it");
        }
        if (read == null) {
            throw new IllegalArgumentException(file + " is not a valid servers file; fix or remove it");
        }
        return new ServersConfig(file, read);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Every server, in file order. */
    public Map<String, ServerInfo> servers() {
        return servers;
    }

    public ServerInfo get(String name) {
        ServerInfo s = servers.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown server '" + name + "': known are " + servers.keySet()
                    + " (add one with 'keyshard servers add --entry FILE')");
        }
        return s;
    }

    /** A copy with {@code name} added or replaced. */
    public ServersConfig with(String name, ServerInfo info) {
        ServerNames.require(name);
        Map<String, ServerInfo> copy = new LinkedHashMap<>(servers);
        copy.put(name, info);
        return new ServersConfig(file, copy);
    }

    /** A copy without {@code name}. */
    public ServersConfig without(String name) {
        Map<String, ServerInfo> copy = new LinkedHashMap<>(servers);
        copy.remove(name);
        return new ServersConfig(file, copy);
    }

    /**
     * Reads {@code <home>/servers.json}, applies {@code change} and writes the result, all under a lock
     * other processes respect, so two commands changing the file at once never lose one another's change.
     * Returns what was written.
     */
    public static ServersConfig update(Path home, UnaryOperator<ServersConfig> change) throws IOException {
        Home.ensureOwnerOnlyDir(home);
        return OwnerOnlyFiles.update(home.resolve(FILE), () -> {
            ServersConfig next = change.apply(load(home));
            next.save();
            return next;
        });
    }

    /**
     * Writes this snapshot atomically (the home folder is created owner-only if missing); a change of the
     * file as it is now goes through {@link #update}.
     */
    public void save() throws IOException {
        Home.ensureOwnerOnlyDir(file.getParent());
        OwnerOnlyFiles.write(file, StrictJson.pretty().writeValueAsBytes(servers));
    }
}
