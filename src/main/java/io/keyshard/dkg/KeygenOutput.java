package io.keyshard.dkg;

/**
 * What a server gets from round 3: the signed public result to return to the coordinator and the
 * secret share to seal and store PENDING (then {@link SecretShare#destroy()}). Not a wire type.
 */
public record KeygenOutput(KeygenResult result, SecretShare share) {
}
