package io.keyshard.payload.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A UniswapX order: a Permit2 {@code PermitWitnessTransferFrom} whose witness is the order. The permit lets the
 * order's reactor take the tokens sold; the order says what must be paid out in return, to whom, and until when a
 * filler may settle it. Read from the structure UniswapX's reactors hash, whatever the order type's name (Dutch,
 * V2 Dutch, exclusive Dutch, priority or limit order): a witness with {@code OrderInfo info} declared exactly as
 * OrderInfoLib's, and one list of outputs of a layout a reactor pays out.
 *
 * @param type the witness's type name, e.g. {@code V2DutchOrder}
 * @param spender the permit's spender (EIP-55): who may take the tokens sold
 * @param reactor the reactor the order names (EIP-55): it settles the order and must be the spender
 * @param swapper whose tokens are sold (EIP-55): the signer, for the reactor to take the signature
 * @param deadline unix seconds after which the reactor refuses the order
 * @param validator a contract that must approve each fill (EIP-55), or null for none
 * @param outputs what must be paid out, each at least its amount
 */
public record UniswapXOrder(
        String type,
        String spender,
        String reactor,
        String swapper,
        BigInteger deadline,
        String validator,
        List<Output> outputs) {
    /** The address UniswapX's outputs use for the chain's native coin. */
    public static final String NATIVE_COIN = "0x0000000000000000000000000000000000000000";

    /** The validation contract that means none. */
    private static final String NO_VALIDATOR = "0x0000000000000000000000000000000000000000";

    /** OrderInfoLib's {@code ORDER_INFO_TYPE}, member by member. */
    private static final List<String> ORDER_INFO = List.of(
            "reactor:address",
            "swapper:address",
            "nonce:uint256",
            "deadline:uint256",
            "additionalValidationContract:address",
            "additionalValidationData:bytes");

    /** The output layouts reactors pay out: DutchOrderLib's, PriorityOrderLib's and ReactorStructs' OutputToken. */
    private static final Map<String, List<String>> OUTPUTS = Map.of(
            "DutchOutput",
            List.of("token:address", "startAmount:uint256", "endAmount:uint256", "recipient:address"),
            "PriorityOutput",
            List.of("token:address", "amount:uint256", "mpsPerPriorityFeeWei:uint256", "recipient:address"),
            "OutputToken",
            List.of("token:address", "amount:uint256", "recipient:address"));

    /** One payment the order requires: at least {@code least} of {@code token} to {@code recipient}. */
    public record Output(String token, BigInteger least, String recipient) {}

    public UniswapXOrder {
        outputs = List.copyOf(outputs);
    }

    /** The UniswapX order {@code data} signs, when it is one ({@code data} must hash: its values are checked). */
    public static Optional<UniswapXOrder> of(TypedData data) {
        if (!data.primaryType().equals("PermitWitnessTransferFrom") || !data.declares("OrderInfo", ORDER_INFO)) {
            return Optional.empty();
        }
        String witness = memberType(data, "PermitWitnessTransferFrom", "witness");
        if (witness == null || !"OrderInfo".equals(memberType(data, witness, "info"))) {
            return Optional.empty();
        }
        String outputsMember = null;
        String layout = null;
        for (TypedData.Field f : data.types().get(witness)) {
            String element =
                    f.type().endsWith("[]") ? f.type().substring(0, f.type().length() - 2) : null;
            if (element != null && OUTPUTS.containsKey(element) && data.declares(element, OUTPUTS.get(element))) {
                if (outputsMember != null) {
                    return Optional.empty(); // two lists of outputs: not a layout a reactor reads
                }
                outputsMember = f.name();
                layout = element;
            }
        }
        if (outputsMember == null) {
            return Optional.empty();
        }
        JsonNode w = data.message().get("witness");
        JsonNode info = w == null ? null : w.get("info");
        if (info == null || info.isNull()) {
            return Optional.empty(); // an absent struct hashes as zeros: no order a reactor settles
        }
        List<Output> outputs = new ArrayList<>();
        for (JsonNode o : w.get(outputsMember)) {
            if (o.isNull()) {
                return Optional.empty(); // likewise an absent output
            }
            outputs.add(new Output(
                    Quantities.eip55(o.get("token"), "output token"),
                    least(layout, o),
                    Quantities.eip55(o.get("recipient"), "output recipient")));
        }
        String validator = Quantities.eip55(info.get("additionalValidationContract"), "additionalValidationContract");
        return Optional.of(new UniswapXOrder(
                witness,
                Quantities.eip55(data.message().get("spender"), "spender"),
                Quantities.eip55(info.get("reactor"), "reactor"),
                Quantities.eip55(info.get("swapper"), "swapper"),
                Quantities.unsigned(info.get("deadline"), "deadline", 256),
                validator.equals(NO_VALIDATOR) ? null : validator,
                outputs));
    }

    /**
     * The least a filler may pay out: a Dutch output decays from its start amount to its end amount, a priority
     * output only grows above its amount, a limit order's is its amount.
     */
    private static BigInteger least(String layout, JsonNode o) {
        if (layout.equals("DutchOutput")) {
            return Quantities.unsigned(o.get("startAmount"), "startAmount", 256)
                    .min(Quantities.unsigned(o.get("endAmount"), "endAmount", 256));
        }
        return Quantities.unsigned(o.get("amount"), "amount", 256);
    }

    private static String memberType(TypedData data, String struct, String member) {
        List<TypedData.Field> fields = data.types().get(struct);
        if (fields == null) {
            return null;
        }
        return fields.stream()
                .filter(f -> f.name().equals(member))
                .map(TypedData.Field::type)
                .findFirst()
                .orElse(null);
    }
}
