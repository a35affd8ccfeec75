package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.SignRound1Request;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The coordinator relays a node's messages into the next requests as the base64 text they came in. */
class RelayedMessageTest {
    private static final SignRound1Request R1 =
            new SignRound1Request("8d0f9f8e-2f3c-4d5e-9a1b-2c3d4e5f6a7b", "m/1", "", List.of(11, 12), "00".repeat(32));

    @Test
    void aNodesAnswerRelayedAsTextReachesTheNextNodeAsTheSameBytes() throws Exception {
        var json = StrictJson.mapper();
        for (int length : new int[] {0, 1, 2, 3, 4, 100_003}) {
            byte[] body = new byte[length];
            new Random(length).nextBytes(body);
            byte[] signature = new byte[64];
            new Random(-length).nextBytes(signature);
            byte[] answer =
                    json.writeValueAsBytes(new DklsAnswer(12, List.of(new DklsMessage(12, 11, body, signature))));
            RelayedMessage.Answer relayed = json.readValue(answer, RelayedMessage.Answer.class);
            assertEquals(12, relayed.sender());
            DklsMessage decoded = relayed.messages().get(0).decoded();
            assertArrayEquals(body, decoded.body());
            assertArrayEquals(signature, decoded.signature());
            // what the next node reads with its own wire record
            DklsRoundRequest next = json.readValue(
                    json.writeValueAsBytes(new RelayedMessage.Round(R1, relayed.messages())), DklsRoundRequest.class);
            DklsMessage m = next.messages().get(0);
            assertEquals(12, m.sender());
            assertEquals(11, m.recipient());
            assertArrayEquals(body, m.body());
            assertArrayEquals(signature, m.signature());
            assertEquals(R1, next.request());
        }
    }

    @Test
    void aBodyThatIsNotStandardPaddedBase64FailsTheAnswersDecoding() {
        for (String body :
                new String[] {"\"QQ\"", "\"QQ=\"", "\"Q===\"", "\"QQ=A\"", "\"Q Q=\"", "\"QQ\\n=\"", "\"QQ-_\"", "5"}) {
            String answer = "{\"sender\":12,\"messages\":[{\"sender\":12,\"recipient\":11,\"body\":" + body
                    + ",\"signature\":\"AAAA\"}]}";
            assertThrows(
                    JsonMappingException.class,
                    () -> StrictJson.mapper().readValue(answer, RelayedMessage.Answer.class),
                    body);
        }
    }
}
