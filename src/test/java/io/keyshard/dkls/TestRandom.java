package io.keyshard.dkls;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/** A reproducible SecureRandom for tests: a SHAKE256 stream from a label. */
public final class TestRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient SHAKEDigest shake = new SHAKEDigest(256);

    public TestRandom(String label) {
        byte[] b = label.getBytes(StandardCharsets.UTF_8);
        shake.update(b, 0, b.length);
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        shake.doOutput(bytes, 0, bytes.length);
    }
}
