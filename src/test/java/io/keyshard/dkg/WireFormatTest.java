package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.curve.CurveName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every message survives strict Jackson JSON as the node and client will send it, and a gap in one is named. */
class WireFormatTest {
    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private <T> T hop(Object value, Class<T> type) throws Exception {
        return json.readValue(json.writeValueAsString(value), type);
    }

    @Test
    void aWholeRunThroughJsonAgrees() throws Exception {
        TestNet net = TestNet.create(CurveName.ED25519, 2, 1, 2, 3);
        KeygenCoordinator coordinator = new KeygenCoordinator(hop(net.setup, SessionSetup.class));
        List<DkgParticipant> servers = new ArrayList<>();
        for (Participant p : net.session.participants()) {
            servers.add(DkgParticipant.create(
                    hop(net.setup, SessionSetup.class), p.name(), p.id(), net.identities.get(p.id()), TestNet.RANDOM));
        }
        List<Round1Message> r1 = new ArrayList<>();
        for (DkgParticipant s : servers) {
            r1.add(hop(s.round1(), Round1Message.class));
        }
        Round2Request req2 = hop(coordinator.round2Request(r1), Round2Request.class);
        List<Round2Message> r2 = new ArrayList<>();
        for (DkgParticipant s : servers) {
            r2.add(hop(s.round2(req2), Round2Message.class));
        }
        Round3Request req3 = hop(coordinator.round3Request(r2), Round3Request.class);
        List<Round3Message> results = new ArrayList<>();
        for (DkgParticipant s : servers) {
            results.add(hop(s.round3(req3).message(), Round3Message.class));
        }
        AgreedKey agreed = coordinator.finish(results);
        assertEquals(32, agreed.rootPublicKey().length);
    }

    @Test
    void theJsonHoldsExactlyTheRecordComponents() throws Exception {
        TestNet net = TestNet.create(CurveName.P256, 2, 1, 2);
        Round1Message m = net.server(1).round1();
        assertEquals(
                Set.of("sessionId", "sender", "commitments", "proofR", "proofZ", "chainCodeCommitment", "signature"),
                fields((ObjectNode) json.valueToTree(m)));
        String extra = json.writeValueAsString(m).replaceFirst("\\{", "{\"payloadHash\":\"AA==\",");
        assertThrows(UnrecognizedPropertyException.class, () -> json.readValue(extra, Round1Message.class));
    }

    @Test
    void aFieldMissingOnTheWireIsNamedNotACrash() throws Exception {
        TestNet net = TestNet.create(CurveName.P256, 2, 1, 2);
        List<Round1Message> r1 = net.round1();
        ObjectNode two = json.valueToTree(r1.get(1));
        two.remove("proofZ");
        List<Round1Message> list = TestNet.replace(r1, 1, json.treeToValue(two, Round1Message.class));
        Blame.expect(ProtocolCheck.INVALID_SCALAR, 2, net, () -> net.server(1).round2(new Round2Request(list)));
        ObjectNode one = json.valueToTree(r1.get(0));
        one.remove("commitments");
        List<Round1Message> list2 = TestNet.replace(r1, 0, json.treeToValue(one, Round1Message.class));
        Blame.expect(ProtocolCheck.COMMITMENT_COUNT, 1, net, () -> net.server(2).round2(new Round2Request(list2)));
    }

    private static Set<String> fields(ObjectNode node) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
