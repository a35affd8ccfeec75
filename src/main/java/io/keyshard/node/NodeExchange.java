package io.keyshard.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** One request to the node and its answer as {@link NodeApi} sees them, whatever server carries them. */
interface NodeExchange {
    String method();

    /** The path as sent, still percent-encoded. */
    String rawPath();

    /** The first value of a request header, or null. */
    String header(String name);

    /** The request body, read by {@link NodeApi} only once the caller is known. */
    InputStream body() throws IOException;

    /**
     * Sends the whole answer. A request whose body was not read to its end (refused before it was
     * read) has its connection closed after the answer, so unread bytes never reach the next request.
     */
    void answer(int status, Map<String, String> headers, byte[] body) throws IOException;
}
