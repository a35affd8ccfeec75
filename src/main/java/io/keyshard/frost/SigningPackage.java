package io.keyshard.frost;

import io.keyshard.bytes.ByteArrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the coordinator sends every signer for round two: the commitment list, sorted ascending by
 * identifier as RFC 9591 requires, and the message.
 */
public record SigningPackage(List<SigningCommitments> commitments, byte[] message) {
    public SigningPackage {
        List<SigningCommitments> sorted = new ArrayList<>(commitments);
        sorted.sort(Comparator.comparingInt(SigningCommitments::identifier));
        commitments = List.copyOf(sorted);
        message = message.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /** participants_from_commitment_list (RFC 9591 4.3). */
    public List<Integer> signers() {
        return commitments.stream().map(SigningCommitments::identifier).toList();
    }

    /** encode_group_commitment_list (RFC 9591 4.3): ‖ SerializeScalar(i) ‖ SerializeElement(D_i) ‖ SerializeElement(E_i). */
    public byte[] encodeCommitmentList(Ciphersuite suite) {
        List<byte[]> parts = new ArrayList<>();
        for (SigningCommitments c : commitments) {
            parts.add(suite.serializeScalar(suite.identifier(c.identifier())));
            parts.add(suite.serializeElement(c.hiding()));
            parts.add(suite.serializeElement(c.binding()));
        }
        return ByteArrays.concat(parts.toArray(new byte[0][]));
    }
}
