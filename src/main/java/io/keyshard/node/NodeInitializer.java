package io.keyshard.node;

import io.keyshard.Home;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.wire.NodeEntry;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates a node's data folder ({@code keyshard node init}): certificate, identity keys, master
 * key, first client, config. Built in a hidden sibling folder and renamed into place, so a crash
 * never leaves a half-made node; an existing, non-empty folder is refused.
 */
public final class NodeInitializer {
    private NodeInitializer() {}

    /**
     * An entry to print once, the id of the client it belongs to (for {@code node revoke-client}) and the
     * node's public entry that its peers pin.
     */
    public record Issued(NodeEntry entry, String clientId, PeerEntry identity) {
        /** What {@code node init} and {@code node add-client} print: the client's entry plus the identity keys. */
        public Map<String, Object> printed() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", entry.name());
            out.put("id", entry.id());
            out.put("url", entry.url());
            out.put("certSha256", entry.certSha256());
            out.put("apiKey", entry.apiKey());
            out.put("signingKey", identity.signingKey());
            out.put("encryptionKey", identity.encryptionKey());
            return out;
        }
    }

    /** Creates the folder and returns the entry of its first client. */
    public static Issued init(Path dataDir, NodeConfig config, SecureRandom random) throws IOException {
        Path target = dataDir.toAbsolutePath().normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new NodeSetupException(target + " already exists; choose a new folder for the node's data"
                    + " (an existing node is run with 'keyshard node run --data DIR')");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".init-");
        try {
            Home.ensureOwnerOnlyDir(staging);
            NodeFiles files = new NodeFiles(staging);
            SelfSignedCertificate.Issued issued = SelfSignedCertificate.issue(config.name(), config.host(), random);
            X509Certificate cert = issued.certificate();
            OwnerOnlyFiles.create(files.certificate(), cert.getEncoded());
            byte[] key = issued.keyPair().getPrivate().getEncoded();
            try {
                OwnerOnlyFiles.create(files.tlsKey(), key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            NodeIdentity.generate(files.identityKeys(), random);
            ShareSealer.createMasterKey(files.masterKey(), random);
            ClientRegistry.create(files);
            ClientRegistry.NewClient client = new ClientRegistry(files).add(random);
            files.writeConfig(config);
            if (Files.exists(target)) {
                Files.delete(target);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            String apiKey = new String(client.apiKey());
            Arrays.fill(client.apiKey(), '\0');
            return new Issued(
                    new NodeEntry(config.name(), config.id(), config.url(), SelfSignedCertificate.sha256(cert), apiKey),
                    client.clientId(),
                    PeerEntries.own(target));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the node's keys: " + e.getMessage(), e);
        } finally {
            OwnerOnlyFiles.deleteTree(staging);
        }
    }

    /** A new client's entry for an existing node ({@code keyshard node add-client}). */
    public static Issued addClient(Path dataDir, SecureRandom random) throws IOException {
        NodeFiles files = new NodeFiles(dataDir);
        NodeConfig config = files.readConfig();
        return issued(files, config, new ClientRegistry(files).add(random));
    }

    /**
     * A new API key for an existing client ({@code keyshard node rotate-client}): same client id, so its
     * keys stay its own; the old key is refused from now on.
     */
    public static Issued rotateClient(Path dataDir, String clientId, SecureRandom random) throws IOException {
        NodeFiles files = new NodeFiles(dataDir);
        NodeConfig config = files.readConfig();
        ClientRegistry.NewClient client = new ClientRegistry(files)
                .rotate(clientId, random)
                .orElseThrow(() -> new IllegalArgumentException("no active client " + clientId + " on this node"));
        return issued(files, config, client);
    }

    private static Issued issued(NodeFiles files, NodeConfig config, ClientRegistry.NewClient client)
            throws IOException {
        String apiKey = new String(client.apiKey());
        Arrays.fill(client.apiKey(), '\0');
        return new Issued(
                new NodeEntry(config.name(), config.id(), config.url(), certificatePin(files), apiKey),
                client.clientId(),
                PeerEntries.own(files.dir()));
    }

    static String certificatePin(NodeFiles files) throws IOException {
        return SelfSignedCertificate.sha256(NodeTls.readCertificate(files));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
