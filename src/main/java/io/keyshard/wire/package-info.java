/**
 * The node API's vocabulary, shared by node and client: one record per answer with its JSON field
 * names, the key states, and nothing else (no I/O, no HTTP). The round messages themselves are
 * the records of {@code io.keyshard.dkg}.
 */
package io.keyshard.wire;
