package io.keyshard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Test-only: loopback ports for servers the tests start, or for addresses where nothing listens. */
public final class LoopbackPorts {
    private LoopbackPorts() {}

    /** A loopback port free at the time of the call: bound once and closed again, so nothing listens there. */
    public static int unused() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
