package io.keyshard.dkg;

/**
 * What a server gets from round 3: its signed round-3 message (the public result) to return to the coordinator and the
 * secret share to seal and store PENDING (then {@link SecretShare#destroy()}). Not a wire type.
 */
public record Round3Output(Round3Message message, SecretShare share) {}
