package io.keyshard.ui.sign;

import io.keyshard.client.Operation;
import io.keyshard.client.PartProgress;
import io.keyshard.client.PayloadRequest;
import io.keyshard.client.PayloadResult;
import io.keyshard.client.PayloadSigning;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.ServerStatus;
import io.keyshard.client.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/** What the Sign stage asks of the unlocked vault's {@link Workspace}; tests put a pause or a fault in between. */
public interface SignService {
    /** Decodes and reviews a payload without any server (see {@link PayloadSigning#prepare}); may block. */
    PreparedPayload prepare(PayloadRequest request);

    /**
     * Signs what was reviewed with {@code servers} and adds it to the signing history, telling {@code onPart} as
     * each of its signings starts (see {@link PayloadSigning#sign(PreparedPayload, List, Consumer)}).
     */
    Operation<PayloadResult> sign(PreparedPayload prepared, List<String> servers, Consumer<PartProgress> onPart);

    /** Every configured server's health, local ones started first if they do not answer (blocks). */
    List<ServerStatus> servers() throws IOException;

    /** The service of an unlocked vault's workspace. */
    static SignService of(Workspace workspace) {
        return new SignService() {
            @Override
            public PreparedPayload prepare(PayloadRequest request) {
                return workspace.payloads().prepare(request);
            }

            @Override
            public Operation<PayloadResult> sign(
                    PreparedPayload prepared, List<String> servers, Consumer<PartProgress> onPart) {
                return workspace.payloads().sign(prepared, servers, onPart);
            }

            @Override
            public List<ServerStatus> servers() throws IOException {
                return workspace.checkServers(true);
            }
        };
    }
}
