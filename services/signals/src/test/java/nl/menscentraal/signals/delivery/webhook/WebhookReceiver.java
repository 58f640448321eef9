package nl.menscentraal.signals.delivery.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP endpoint on a free local port that answers with scripted statuses and keeps what it received. */
final class WebhookReceiver implements AutoCloseable {

    record Received(byte[] body, String signature, String contentType, int answeredWith) {
    }

    private final HttpServer server;
    private final Deque<Integer> script;
    private final int otherwise;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** Answers with {@code first} in order, then with {@code otherwise} for ever. */
    WebhookReceiver(int otherwise, Integer... first) {
        this.script = new ArrayDeque<>(List.of(first));
        this.otherwise = otherwise;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/signals", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                int status;
                synchronized (script) {
                    status = script.isEmpty() ? otherwise : script.poll();
                }
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), status));
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/signals";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> accepted() {
        return received.stream().filter(r -> r.answeredWith() / 100 == 2).toList();
    }

    /** A URL nothing listens on: the port was free a moment ago and is closed again. */
    static String unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks/signals";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
