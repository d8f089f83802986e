package dev.ratchet.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The benchmark's endpoint: a minimal HTTP/1.1 server on 127.0.0.1 that answers every request with
 * the same OpenAI chat completion after a fixed latency, one thread per keep-alive connection. It
 * does as little work as possible so that, on a machine whose cores it shares with the client, the
 * benchmark measures the harness rather than the server (the JDK's HttpServer costs several times
 * more per request).
 */
final class FixedLatencyEndpoint implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] response;
    private final long latencyMillis;
    private final Thread acceptor;

    FixedLatencyEndpoint(String completionJson, long latencyMillis) {
        byte[] body = completionJson.getBytes(StandardCharsets.UTF_8);
        String head =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        this.response = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, response, 0, headBytes.length);
        System.arraycopy(body, 0, response, headBytes.length, body.length);
        this.latencyMillis = latencyMillis;
        try {
            this.socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the benchmark endpoint", e);
        }
        this.acceptor = daemon(this::accept, "bench-endpoint-accept");
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                daemon(() -> serve(s), "bench-endpoint").start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s;
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream()) {
            while (true) {
                int length = readHead(in);
                if (length < 0) {
                    return;
                }
                in.skipNBytes(length);
                Thread.sleep(latencyMillis);
                out.write(response);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The client closed the connection, or the endpoint is shutting down.
        }
    }

    /** Reads a request's line and headers; returns its Content-Length, or -1 at end of stream. */
    private static int readHead(InputStream in) throws IOException {
        int length = 0;
        StringBuilder line = new StringBuilder();
        boolean any = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return any ? length : -1;
            }
            any = true;
            if (c == '\n') {
                String header = line.toString().strip();
                if (header.isEmpty()) {
                    return length;
                }
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing is left to release.
        }
    }
}
