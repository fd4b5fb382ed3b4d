package org.liandong.notice.outbox;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where group-robot webhooks may point: the robot hosts of the common workplace chat apps (WeCom, DingTalk,
 * Feishu/Lark) by default, a host or a {@code *.suffix} per entry. Addresses that resolve to private, loopback
 * or link-local networks are refused unless {@code allow-private-addresses} is true (tests only: their robot
 * listens on 127.0.0.1), and so is plain http then.
 */
@ConfigurationProperties("liandong.notice.webhook")
public record WebhookSettings(
        @DefaultValue({"qyapi.weixin.qq.com", "oapi.dingtalk.com", "open.feishu.cn", "open.larksuite.com"})
        List<String> allowedHosts,
        @DefaultValue("false") boolean allowPrivateAddresses) {

    public WebhookSettings {
        allowedHosts = List.copyOf(allowedHosts);
    }
}
