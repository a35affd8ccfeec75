package io.keyshard.node;

import io.keyshard.Version;
import io.keyshard.ids.KeyIds;
import io.keyshard.wire.HealthAnswer;
import io.keyshard.wire.IdentityAnswer;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's HTTP API (docs/protocol.md, Node API): routes, bearer authentication, the body limit and
 * the JSON error of every refusal. Only {@code /v1/health} answers without an API key.
 */
final class NodeApi {
    /** Large enough for round messages of 16 P-521 servers at threshold 16, small enough to refuse floods. */
    static final int BODY_LIMIT = 512 * 1024;
    /**
     * The body limit of setup steps and signing rounds: step 2 of a 16-server P-521 key carries 15 base OT
     * messages of 150 KB, round 3 of a threshold-ECDSA signing by 16 P-521 signers 15 sealed multiplications
     * of 240 KB.
     */
    static final int SETUP_BODY_LIMIT = 4 * 1024 * 1024;

    private static final Pattern KEYGEN = Pattern.compile("/v1/keygen/([^/]+)/(round1|round2|round3|commit|abort)");
    private static final Pattern SIGN = Pattern.compile("/v1/sign/([^/]+)/(round1|round2|round3|abort)");
    private static final Pattern KEYS = Pattern.compile("/v1/keys/([^/]+)");
    private static final Pattern SETUP = Pattern.compile("/v1/keys/([^/]+)/ecdsa-setup(?:/(step1|step2|step3))?");
    private final NodeConfig config;
    private final NodeIdentity identity;
    private final ClientRegistry clients;
    private final KeygenService keygen;
    private final SigningService signing;
    private final EcdsaSetupService setup;

    NodeApi(
            NodeConfig config,
            NodeIdentity identity,
            ClientRegistry clients,
            KeygenService keygen,
            SigningService signing,
            EcdsaSetupService setup) {
        this.config = config;
        this.identity = identity;
        this.clients = clients;
        this.keygen = keygen;
        this.signing = signing;
        this.setup = setup;
    }

    /** Answers one request, every refusal as a JSON error; only a failure to send the answer escapes. */
    void handle(NodeExchange ex) throws IOException {
        try {
            // Only a known caller may make the node read a body: without a valid API key the answer is
            // 401 before a byte of it is read, and the connection is closed after it.
            String clientId = ex.rawPath().equals("/v1/health") ? null : authenticate(ex);
            // Read (or drain) the body before any other answer: answering first and leaving request bytes
            // on a kept-alive TLS connection can stall the next request on it.
            byte[] body = ApiExchange.readBody(ex, large(ex.rawPath()) ? SETUP_BODY_LIMIT : BODY_LIMIT);
            route(ex, clientId, body);
        } catch (ApiException e) {
            ApiExchange.sendError(ex, e);
        } catch (ShareStore.StorageFullException e) {
            ApiExchange.sendError(ex, new ApiException(507, "STORAGE_FULL", e.getMessage()));
        } catch (RuntimeException | IOException e) {
            // Never echo an internal message: it could carry data from the request or the store. The operator's
            // log gets where it failed, without the message either.
            FailureLog.report(ex.method(), ex.rawPath(), e);
            ApiExchange.sendError(ex, new ApiException(500, "INTERNAL", "the server failed to handle the request"));
        }
    }

    private void route(NodeExchange ex, String clientId, byte[] body) throws IOException, ApiException {
        String path = ex.rawPath();
        String method = ex.method();
        if (path.equals("/v1/health")) {
            requireMethod(method, "GET");
            ApiExchange.send(ex, 200, HealthAnswer.ok(config.name(), config.id(), Version.get()));
            return;
        }
        if (path.equals("/v1/identity")) {
            requireMethod(method, "GET");
            ApiExchange.send(
                    ex,
                    200,
                    IdentityAnswer.of(
                            config.name(), config.id(), identity.signingPublicKey(), identity.encryptionPublicKey()));
            return;
        }
        Matcher m = KEYS.matcher(path);
        if (m.matches()) {
            requireMethod(method, "GET");
            ApiExchange.send(ex, 200, keygen.status(clientId, keyId(m.group(1))));
            return;
        }
        m = SETUP.matcher(path);
        if (m.matches()) {
            UUID keyId = keyId(m.group(1));
            if (m.group(2) == null) {
                requireMethod(method, "GET");
                ApiExchange.send(ex, 200, setup.status(clientId, keyId));
            } else {
                requireMethod(method, "POST");
                ApiExchange.send(ex, 200, setup.handle(clientId, keyId, m.group(2), body));
            }
            return;
        }
        m = KEYGEN.matcher(path);
        if (m.matches()) {
            requireMethod(method, "POST");
            UUID keyId = keyId(m.group(1));
            ApiExchange.send(ex, 200, keygen.handle(clientId, keyId, m.group(2), body));
            return;
        }
        m = SIGN.matcher(path);
        if (m.matches()) {
            requireMethod(method, "POST");
            UUID signId = SigningService.signId(m.group(1));
            ApiExchange.send(ex, 200, signing.handle(clientId, signId, m.group(2), body));
            return;
        }
        throw ApiException.notFound("no such endpoint");
    }

    private String authenticate(NodeExchange ex) throws IOException, ApiException {
        String header = ex.header("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() > 200) {
            throw ApiException.unauthorized();
        }
        char[] key = header.substring("Bearer ".length()).trim().toCharArray();
        try {
            return clients.authenticate(key).orElseThrow(ApiException::unauthorized);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    private static boolean large(String path) {
        return SETUP.matcher(path).matches() || SIGN.matcher(path).matches();
    }

    private static void requireMethod(String method, String wanted) throws ApiException {
        if (!wanted.equals(method)) {
            throw new ApiException(405, "METHOD_NOT_ALLOWED", "use " + wanted + " for this endpoint");
        }
    }

    private static UUID keyId(String text) throws ApiException {
        if (!KeyIds.isCanonical(text)) {
            throw ApiException.malformed("keyId in the path: " + KeyIds.RULE);
        }
        return UUID.fromString(text);
    }
}
