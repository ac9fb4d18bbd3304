package vn.hoinghi.orchestrator.provisioning.xmpp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A JVB's private drain REST as jitsi-videobridge's {@code rest/root/colibri/drain/Drain.java} serves it:
 * {@code POST /colibri/drain/enable} and {@code /disable} set the bridge's drain mode and answer 200 with no body;
 * {@code GET /colibri/drain} answers {@code {"drain":true|false}}; any other path or method is 404/405 as Jersey
 * answers. {@link #drain()} is what the bridge then publishes as its {@code drain} stat in brewery presence
 * (VideobridgeStatisticsShim reads the same flag). {@link #down()} closes the port (connection refused);
 * {@link #restart()} is a restarted bridge: port open again, drain mode back to its initial {@code false}.
 */
final class FakeJvbRest implements AutoCloseable {
    private final int port;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean drain;
    private HttpServer server;
    private java.util.concurrent.ExecutorService executor;

    FakeJvbRest() throws IOException {
        server = open(0);
        port = server.getAddress().getPort();
    }

    private HttpServer open(int at) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), at), 0);
        s.createContext("/colibri/drain", this::handle);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fake-jvb-rest");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(executor);
        s.start();
        return s;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            calls.add(method + " " + path);
            if (path.equals("/colibri/drain/enable") || path.equals("/colibri/drain/disable")) {
                if (!method.equals("POST")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                drain = path.endsWith("/enable");
                exchange.sendResponseHeaders(200, -1);
            } else if (path.equals("/colibri/drain") || path.equals("/colibri/drain/")) {
                if (!method.equals("GET")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = ("{\"drain\":" + drain + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean drain() {
        return drain;
    }

    /** Calls answered so far, e.g. {@code POST /colibri/drain/enable}. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    synchronized void down() {
        stop();
    }

    private void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Back on the same port with drain mode off, as a restarted JVB (initial-drain-mode = false). */
    synchronized void restart() throws IOException {
        stop();
        drain = false;
        server = open(port);
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
