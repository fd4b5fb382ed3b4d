package org.liandong.notice.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.liandong.notice.Channel;

/**
 * A group robot of WeCom (企业微信) or DingTalk (钉钉): both take {@code {"msgtype":"text","text":{"content":…}}}
 * by POST and answer {@code {"errcode":0,…}} when they accepted it. Anything else — an HTTP error, a non-zero
 * errcode, no answer within the timeout — is a failed attempt with that reason. The address is checked
 * against the {@link WebhookGuard} before every send; the delivery's idempotency key goes in the
 * {@code Idempotency-Key} header.
 */
class WebhookChannel implements DeliveryChannel {

    private static final Pattern ERRCODE = Pattern.compile("\"errcode\"\\s*:\\s*(-?\\d+)");
    private static final Pattern ERRMSG = Pattern.compile("\"errmsg\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpClient http;
    private final Duration timeout;
    private final String baseUrl;
    private final WebhookGuard guard;

    WebhookChannel(Duration timeout, String baseUrl, WebhookGuard guard) {
        this.guard = guard;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.baseUrl = baseUrl;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    static String body(String content) {
        return "{\"msgtype\":\"text\",\"text\":{\"content\":" + json(content) + "}}";
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailed {
        guard.checkBeforeSend(message.address());
        var request = HttpRequest.newBuilder(URI.create(message.address())).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body(message.text(baseUrl)), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailed("webhook: " + EmailChannel.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("webhook: interrupted", e);
        }
        var answer = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailed("webhook: HTTP " + response.statusCode() + " " + shorten(answer));
        }
        var code = ERRCODE.matcher(answer);
        if (code.find() && !code.group(1).equals("0")) {
            var msg = ERRMSG.matcher(answer);
            throw new DeliveryFailed("webhook: errcode " + code.group(1) + (msg.find() ? " " + msg.group(1) : ""));
        }
    }

    private static String shorten(String text) {
        var t = text.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    /** A JSON string literal (quotes, backslashes and control characters escaped). */
    static String json(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
