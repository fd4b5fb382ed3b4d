package org.liandong.notice.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-process group robot (JDK HTTP server) that records every request it receives ({@link #received}) and
 * answers as told. Like a receiver that honours idempotency keys, it shows each key's message to the group
 * once ({@link #shown}): a request it processed counts as shown even when its answer never reached the sender
 * (the answer function returned null, the connection dropped); a repeat with a key already shown is answered
 * "ok" and not shown again.
 */
final class WebhookServer implements AutoCloseable {

    record Received(String idempotencyKey, String contentType, String body) {
    }

    record Answer(int status, String body) {
        static Answer ok() {
            return new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        }
    }

    /** The guard as the test configuration sets it: 127.0.0.1 allowed. */
    static final WebhookGuard GUARD = new WebhookGuard(new WebhookSettings(List.of("127.0.0.1"), true));

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<Received> shown = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> shownKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private volatile Function<Received, Answer> answer = r -> Answer.ok();

    WebhookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/robot/send", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?key=test";
    }

    void answer(Function<Received, Answer> answer) {
        this.answer = answer;
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var r = new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body);
        received.add(r);
        if (r.idempotencyKey() != null && shownKeys.contains(r.idempotencyKey())) {
            reply(exchange, Answer.ok()); // a repeat: acknowledged, not shown twice
            return;
        }
        var a = answer.apply(r);
        if (a == null || a.status() / 100 == 2 && a.body().contains("\"errcode\":0")) {
            if (r.idempotencyKey() != null) {
                shownKeys.add(r.idempotencyKey());
            }
            shown.add(r);
        }
        if (a == null) {
            exchange.close(); // processed, but no answer at all
            return;
        }
        reply(exchange, a);
    }

    private static void reply(HttpExchange exchange, Answer a) throws IOException {
        var bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(a.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
