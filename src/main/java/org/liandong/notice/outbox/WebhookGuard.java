package org.liandong.notice.outbox;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.liandong.notice.WebhookAddress;
import org.liandong.platform.InvalidValueException;
import org.springframework.stereotype.Component;

/**
 * Decides whether a group-robot address may be used: its host must be on the allow-list, the scheme https,
 * and — checked again right before every send, when the name is resolved — no address of the host may lie
 * in a private, loopback, link-local or otherwise internal network (so a webhook cannot be used to reach
 * services behind the firewall).
 */
@Component
public class WebhookGuard {

    private final WebhookSettings settings;

    public WebhookGuard(WebhookSettings settings) {
        this.settings = settings;
    }

    /** For registering a robot: the address as stored, or a problem saying what is wrong. */
    public String check(String url) {
        var checked = WebhookAddress.check(url);
        var uri = URI.create(checked);
        var host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!allowed(host)) {
            throw new InvalidValueException("notice.webhook.host-not-allowed", host,
                    String.join("、", settings.allowedHosts()));
        }
        if (!settings.allowPrivateAddresses()) {
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                throw new InvalidValueException("notice.webhook.https-required");
            }
            if (isIpLiteral(host)) {
                refuseInternal(host, host);
            }
        }
        return checked;
    }

    /** Right before a send: the same rules, with the host's addresses resolved now; the reason for the delivery. */
    void checkBeforeSend(String url) throws DeliveryFailed {
        URI uri;
        try {
            uri = URI.create(WebhookAddress.check(url));
        } catch (InvalidValueException | IllegalArgumentException e) {
            throw new DeliveryFailed("webhook: not a valid address");
        }
        var host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowed(host)) {
            throw new DeliveryFailed("webhook: host " + host
                    + " is not on the allow-list (liandong.notice.webhook.allowed-hosts), not sent");
        }
        if (settings.allowPrivateAddresses()) {
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new DeliveryFailed("webhook: only https is allowed, not sent");
        }
        try {
            for (var address : InetAddress.getAllByName(host)) {
                if (internal(address)) {
                    throw new DeliveryFailed("webhook: " + host + " resolves to the internal address "
                            + address.getHostAddress() + ", not sent");
                }
            }
        } catch (UnknownHostException e) {
            throw new DeliveryFailed("webhook: unknown host " + host);
        }
    }

    private boolean allowed(String host) {
        for (var entry : settings.allowedHosts()) {
            var e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.startsWith("*.") ? host.endsWith(e.substring(1)) : host.equals(e)) {
                return true;
            }
        }
        return false;
    }

    private static void refuseInternal(String host, String literal) {
        try {
            if (internal(InetAddress.getByName(literal))) {
                throw new InvalidValueException("notice.webhook.private-address", host);
            }
        } catch (UnknownHostException e) {
            throw new InvalidValueException("notice.error.webhook-url");
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        var b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                    || first == 198 && (second == 18 || second == 19) || first >= 224;
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
