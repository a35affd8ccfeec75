package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;

/** The messages of DKLs23 Protocol 3.6, one record per message, as the rounds make them. */
public final class SignMessages {
    private SignMessages() {}

    /** Round 1, broadcast: the commitment to R_i, bound to the request. */
    public record Commit(int from, byte[] request, byte[] commitment) {}

    /** Round 1, to one peer: the multiplication receiver's OT extension message (i is Bob, the peer Alice). */
    public record MulRequest(int from, int to, OtExtensionMessage ote) {}

    /**
     * Round 2, to one peer: the multiplication sender's answer, the opening of R_i, pk_i, the
     * consistency points Γ^u = c_u·G and Γ^v = c_v·G, ψ = φ_i - χ_{i,to}, and the digest of every
     * round 1 broadcast this party saw (split views are caught here).
     */
    public record MulResponse(
            int from,
            int to,
            byte[] commitsSeen,
            Rvole.SenderMessage mul,
            Point nonce,
            byte[] salt,
            Point keyShare,
            Point gammaU,
            Point gammaV,
            Scalar psi) {}

    /** Round 3, broadcast: u_i and w_i, with the digest of R, the key and the request this party used. */
    public record Partial(int from, byte[] view, Scalar u, Scalar w) {}
}
