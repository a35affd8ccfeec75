package io.keyshard.wire;

import java.util.List;

/**
 * The body of every {@code POST /v1/keys/{keyId}/ecdsa-setup/step1|step2|step3}: the setup id (a UUID the
 * client picks per run), the ids of the servers taking part (all of the key's servers), and for steps 2
 * and 3 the messages addressed to this server (empty for step 1).
 */
public record SetupRequest(String setupId, List<Integer> servers, List<SetupMessage> messages) {}
