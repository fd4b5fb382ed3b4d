package org.liandong.notice.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An in-process group robot (JDK HTTP server) that records what it receives and answers as told. */
final class WebhookServer implements AutoCloseable {

    record Received(String idempotencyKey, String contentType, String body) {
    }

    record Answer(int status, String body) {
        static Answer ok() {
            return new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
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
        var a = answer.apply(r);
        if (a == null) {
            exchange.close(); // no answer at all
            return;
        }
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
