package io.keyshard.node;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** A Jetty request and its response as a {@link NodeExchange}; blocking, on one of the server's threads. */
final class JettyExchange implements NodeExchange {
    private final Request request;
    private final Response response;
    private boolean bodyEnded;

    JettyExchange(Request request, Response response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String rawPath() {
        return request.getHttpURI().getPath();
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public InputStream body() {
        return new FilterInputStream(Content.Source.asInputStream(request)) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }
        };
    }

    private int ended(int n) {
        if (n < 0) {
            bodyEnded = true;
        }
        return n;
    }

    @Override
    public void answer(int status, Map<String, String> headers, byte[] body) throws IOException {
        response.setStatus(status);
        headers.forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (!bodyEnded) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(body);
        }
    }
}
