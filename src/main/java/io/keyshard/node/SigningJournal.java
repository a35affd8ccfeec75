package io.keyshard.node;

import io.keyshard.node.SigningAudit.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The signing audit's write-ahead file ({@code signatures.journal}): one checksummed record per begin and
 * end, written before the node answers, so a signing recorded in memory by H2 but not yet stored by it
 * survives a killed process. {@link SigningAudit} folds it into H2 at start and whenever it grows large.
 *
 * <p>A record is {@code int n, n bytes, int CRC32C} (the checksum covers {@code n} and the bytes); the bytes
 * are a kind (1 begin, 2 end), the signId, the time in milliseconds, then for a begin the client, keyId,
 * path, message hash and signer set, for an end the outcome.
 */
final class SigningJournal implements AutoCloseable {
    private static final byte BEGIN = 1;
    private static final byte END = 2;
    /** A begin carries at most a 64-character client, a 2,600-character path and a short signer list. */
    private static final int MAX_RECORD = 16 * 1024;

    /** A recorded event, as {@link SigningAudit} applies it to its table. */
    sealed interface Event permits Begin, End {
        UUID signId();

        Instant at();
    }

    /** Round 1 of a signing was recorded. */
    record Begin(UUID signId, String clientId, UUID keyId, String path, byte[] messageHash, String signers, Instant at)
            implements Event {}

    /** A signing still COMMITTED ended with {@code outcome}. */
    record End(UUID signId, Outcome outcome, Instant at) implements Event {}

    private final FileChannel channel;
    private long size;

    private SigningJournal(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** Opens (creating owner-only) the journal for appending. */
    static SigningJournal open(Path file) throws IOException {
        Set<StandardOpenOption> options =
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileChannel channel =
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        ? FileChannel.open(file, options, ownerOnly())
                        : FileChannel.open(file, options);
        return new SigningJournal(channel);
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * The events of the journal at {@code file}, oldest first (none when it does not exist). A record the
     * file ends inside of is left out: see {@link #decode}. Anything else that does not read back is an
     * IOException saying what to do.
     */
    static List<Event> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return decode(file, Files.readAllBytes(file));
    }

    private static List<Event> decode(Path file, byte[] bytes) throws IOException {
        List<Event> out = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.hasRemaining()) {
            int start = in.position();
            // Why a record the file ends inside of is ignored: a kill -9 can stop the one write of a record
            // part way (the kernel writes a prefix when a fatal signal arrives), and only the last record can
            // be cut so. append() had then not returned, so the node had not answered: for a begin no
            // commitment of that signId left the node (treating it as unknown lets at most a first round 1
            // run, with fresh nonces, since nonces live in memory only and died with the process); for an
            // end the share had not left (the signing stays COMMITTED and its nonces are gone).
            if (in.remaining() < Integer.BYTES) {
                break;
            }
            int n = in.getInt();
            if (n < 1 + 16 + Long.BYTES || n > MAX_RECORD) {
                throw damaged(file, start, "a record length that no record has");
            }
            if (in.remaining() < n + Integer.BYTES) {
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, start, Integer.BYTES + n);
            in.position(start + Integer.BYTES + n);
            if ((int) crc.getValue() != in.getInt()) {
                throw damaged(file, start, "a record whose checksum does not match");
            }
            try {
                out.add(event(new DataInputStream(new ByteArrayInputStream(bytes, start + Integer.BYTES, n))));
            } catch (IOException | IllegalArgumentException e) {
                throw damaged(file, start, "a record that does not decode");
            }
        }
        return out;
    }

    private static Event event(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        UUID signId = new UUID(in.readLong(), in.readLong());
        Instant at = Instant.ofEpochMilli(in.readLong());
        Event e;
        if (kind == BEGIN) {
            String clientId = in.readUTF();
            UUID keyId = new UUID(in.readLong(), in.readLong());
            String path = in.readUTF();
            byte[] hash = new byte[in.readUnsignedByte()];
            in.readFully(hash);
            e = new Begin(signId, clientId, keyId, path, hash, in.readUTF(), at);
        } else if (kind == END) {
            e = new End(signId, Outcome.valueOf(in.readUTF()), at);
        } else {
            throw new IllegalArgumentException("kind");
        }
        if (in.available() != 0) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return e;
    }

    private static IOException damaged(Path file, int offset, String what) {
        return damaged(file, "at byte " + offset + " (" + what + ")");
    }

    /** The journal at {@code file} cannot be trusted ({@code where}: what was found where): what to do. */
    static IOException damaged(Path file, String where) {
        return new IOException("the signing audit journal " + file + " is damaged " + where
                + ", so this server cannot tell which signIds it has seen. Keep a copy of the node folder; to start "
                + "the server anyway, stop it and move that file out of the folder: the signings recorded only "
                + "there are then forgotten, and their signIds could start a signing on this server again");
    }

    /** Appends {@code e}; when this returns the record is in the file (it survives a killed process). */
    void append(Event e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(192);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0);
        out.writeByte(e instanceof Begin ? BEGIN : END);
        out.writeLong(e.signId().getMostSignificantBits());
        out.writeLong(e.signId().getLeastSignificantBits());
        out.writeLong(e.at().toEpochMilli());
        if (e instanceof Begin b) {
            out.writeUTF(b.clientId());
            out.writeLong(b.keyId().getMostSignificantBits());
            out.writeLong(b.keyId().getLeastSignificantBits());
            out.writeUTF(b.path());
            out.writeByte(b.messageHash().length);
            out.write(b.messageHash());
            out.writeUTF(b.signers());
        } else {
            out.writeUTF(((End) e).outcome().name());
        }
        ByteBuffer record = ByteBuffer.allocate(bytes.size() + Integer.BYTES);
        record.put(bytes.toByteArray());
        record.putInt(0, bytes.size() - Integer.BYTES);
        CRC32C crc = new CRC32C();
        crc.update(record.array(), 0, bytes.size());
        record.putInt((int) crc.getValue());
        record.flip();
        while (record.hasRemaining()) {
            size += channel.write(record);
        }
    }

    /** Bytes in the journal now. */
    long size() {
        return size;
    }

    /** Empties the journal; only once everything in it is stored elsewhere. */
    void clear() throws IOException {
        channel.truncate(0);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
