package io.keyshard.node;

import io.keyshard.OwnerOnlyFiles;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The clients a node serves, in {@code clients.json}: only the SHA-256 of each API key is kept
 * (the keys carry 256 random bits, so a fast hash is enough). A running node re-reads the file when
 * it changes, so {@code node add-client}, {@code node rotate-client} and {@code node revoke-client} take
 * effect at once.
 */
public final class ClientRegistry {
    private static final String PREFIX = "ksk_";
    private final NodeFiles files;
    private volatile Snapshot snapshot = new Snapshot(FileTime.fromMillis(0), -1, List.of());

    /** One client as stored. */
    public record Client(String id, String keyHash, String createdAt, boolean revoked) {}

    record ClientsFile(List<Client> clients) {}

    private record Snapshot(FileTime modified, long size, List<Client> clients) {}

    /** A new API key: the only moment it exists in clear outside the client that keeps it. */
    public record NewClient(String clientId, char[] apiKey) {}

    public ClientRegistry(NodeFiles files) {
        this.files = files;
    }

    static void create(NodeFiles files) throws IOException {
        OwnerOnlyFiles.create(files.clients(), StrictJson.pretty().writeValueAsBytes(new ClientsFile(List.of())));
    }

    /**
     * Adds a client and returns its API key. Like rotate and revoke, it reads and rewrites the file under
     * a lock other processes respect, so concurrent changes never lose one another.
     */
    public NewClient add(SecureRandom random) throws IOException {
        char[] apiKey = newApiKey(random);
        byte[] idBytes = new byte[6];
        random.nextBytes(idBytes);
        String id = "client-" + Hex.encode(idBytes);
        return OwnerOnlyFiles.update(files.clients(), () -> {
            List<Client> all = new ArrayList<>(read());
            all.add(new Client(id, keyHash(apiKey), Instant.now().toString(), false));
            write(all);
            return new NewClient(id, apiKey);
        });
    }

    /**
     * Gives an active client a new API key under the same client id, so every key it owns stays its own;
     * the old API key is refused from now on. Empty if there is no such active client.
     */
    public Optional<NewClient> rotate(String clientId, SecureRandom random) throws IOException {
        return OwnerOnlyFiles.update(files.clients(), () -> {
            List<Client> all = new ArrayList<>(read());
            for (int i = 0; i < all.size(); i++) {
                Client c = all.get(i);
                if (c.id().equals(clientId) && !c.revoked()) {
                    char[] apiKey = newApiKey(random);
                    all.set(i, new Client(c.id(), keyHash(apiKey), c.createdAt(), false));
                    write(all);
                    return Optional.of(new NewClient(c.id(), apiKey));
                }
            }
            return Optional.empty();
        });
    }

    /** Ends a client: its API key is refused from now on. Returns false if no such active client. */
    public boolean revoke(String clientId) throws IOException {
        return OwnerOnlyFiles.update(files.clients(), () -> {
            List<Client> all = new ArrayList<>(read());
            boolean found = false;
            for (int i = 0; i < all.size(); i++) {
                Client c = all.get(i);
                if (c.id().equals(clientId) && !c.revoked()) {
                    all.set(i, new Client(c.id(), c.keyHash(), c.createdAt(), true));
                    found = true;
                }
            }
            if (found) {
                write(all);
            }
            return found;
        });
    }

    private void write(List<Client> all) throws IOException {
        OwnerOnlyFiles.write(files.clients(), StrictJson.pretty().writeValueAsBytes(new ClientsFile(all)));
    }

    private static char[] newApiKey(SecureRandom random) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        try {
            return (PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw)).toCharArray();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The clients, revoked ones included. */
    public List<Client> list() throws IOException {
        return read();
    }

    /**
     * The id of the active client whose API key this is. Every stored hash is compared, in
     * constant time, whatever matched before.
     */
    public Optional<String> authenticate(char[] apiKey) throws IOException {
        byte[] presented = Hex.decode(keyHash(apiKey), "API key hash");
        String match = null;
        for (Client c : current()) {
            boolean equal = MessageDigest.isEqual(presented, Hex.decode(c.keyHash(), "keyHash in clients.json"));
            if (equal && !c.revoked()) {
                match = c.id();
            }
        }
        return Optional.ofNullable(match);
    }

    private List<Client> current() throws IOException {
        var attrs = Files.readAttributes(files.clients(), BasicFileAttributes.class);
        Snapshot s = snapshot;
        if (!attrs.lastModifiedTime().equals(s.modified()) || attrs.size() != s.size()) {
            s = new Snapshot(attrs.lastModifiedTime(), attrs.size(), read());
            snapshot = s;
        }
        return s.clients();
    }

    private List<Client> read() throws IOException {
        return StrictJson.mapper()
                .readValue(files.readRequired(files.clients()), ClientsFile.class)
                .clients();
    }

    /** The SHA-256 of an API key's UTF-8 bytes, as hex: what clients.json keeps of it. */
    public static String keyHash(char[] apiKey) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(apiKey));
        byte[] encoded = new byte[bytes.remaining()];
        bytes.duplicate().get(encoded);
        try {
            return Hex.encode(Digests.sha256(encoded));
        } finally {
            Arrays.fill(encoded, (byte) 0);
            Arrays.fill(bytes.array(), (byte) 0);
        }
    }
}
