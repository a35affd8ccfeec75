package io.keyshard.wire;

import java.util.List;

/**
 * The body of every {@code POST /v1/keys/{keyId}/ecdsa-setup/step1|step2|step3}: the setup id (a UUID the
 * client picks per run), the ids of the servers taking part (all of the key's servers), for steps 2 and 3 the
 * messages addressed to this server (empty for step 1), and the setup version the client and the servers must
 * share. A node refuses another version before it records or claims anything.
 */
public record SetupRequest(String setupId, List<Integer> servers, List<SetupMessage> messages, int version) {
    /**
     * Version 4: as version 3, with the base OTs of P-384 and P-521 keys on P-256. Version 3: per server pair,
     * one ordered pair's base OTs are run and the other ordered pair's are made from an OT extension over them. Version 2: base OTs for both ordered pairs. A request without the field, as a
     * client of version 2 sends it, reads as version 0; a node of version 2 refuses the field as unknown (400).
     */
    public static final int VERSION = 4;
}
