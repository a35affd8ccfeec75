package io.keyshard.ui.pipeline;

import io.keyshard.address.KeyPipeline;
import io.keyshard.client.Workspace;
import io.keyshard.vault.KeyRecord;

/** Derivation straight from a record's public data, for window tests that have no vault behind them. */
final class KeyDerivation {
    private KeyDerivation() {}

    static PipelineViewModel.Derivation of(KeyRecord key) {
        KeyPipeline.Start start = Workspace.rootOf(key);
        return (id, chain, network, account, index) ->
                KeyPipeline.run(start, chain, KeyPipeline.path(chain, null, account, index, network), network);
    }
}
