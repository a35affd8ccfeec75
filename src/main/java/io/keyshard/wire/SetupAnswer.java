package io.keyshard.wire;

import java.util.List;

/** A server's answer to setup steps 1 and 2: its messages, one to each other server of the setup. */
public record SetupAnswer(String setupId, int sender, List<SetupMessage> messages) {}
