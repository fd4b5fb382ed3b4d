package org.liandong.notice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liandong.platform.InvalidValueException;

/** Group robots only at the chat apps' hosts, over https, never into private or loopback networks. */
class WebhookGuardUnitTests {

    static final List<String> CHAT_APPS = List.of("qyapi.weixin.qq.com", "oapi.dingtalk.com", "open.feishu.cn",
            "open.larksuite.com");

    WebhookGuard production = new WebhookGuard(new WebhookSettings(CHAT_APPS, false));

    @Test
    void theChatAppsRobotsAreAccepted() {
        assertThat(production.check(" https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc "))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc");
        assertThat(production.check("https://oapi.dingtalk.com/robot/send?access_token=x")).isNotBlank();
        assertThat(production.check("https://open.feishu.cn/open-apis/bot/v2/hook/x")).isNotBlank();
    }

    @Test
    void otherHostsPlainHttpAndInternalAddressesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> production.check("https://evil.example.com/hook"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("notice.webhook.host-not-allowed");
                    assertThat(e.args()[0]).isEqualTo("evil.example.com");
                    assertThat((String) e.args()[1]).contains("qyapi.weixin.qq.com");
                });
        assertThatThrownBy(() -> production.check("https://qyapi.weixin.qq.com.evil.example/x"))
                .hasMessage("notice.webhook.host-not-allowed");
        assertThatThrownBy(() -> production.check("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"))
                .hasMessage("notice.webhook.https-required");
        assertThatThrownBy(() -> production.check("https://127.0.0.1:8080/actuator"))
                .hasMessage("notice.webhook.host-not-allowed");
        var listed = new WebhookGuard(new WebhookSettings(List.of("10.0.0.5", "127.0.0.1", "::1"), false));
        assertThatThrownBy(() -> listed.check("https://10.0.0.5/hook")).hasMessage("notice.webhook.private-address");
        assertThatThrownBy(() -> listed.check("https://127.0.0.1/hook")).hasMessage("notice.webhook.private-address");
        assertThatThrownBy(() -> listed.check("https://[::1]/hook")).hasMessage("notice.webhook.private-address");
        assertThatThrownBy(() -> production.check("javascript:alert(1)")).hasMessage("notice.error.webhook-url");
    }

    @Test
    void beforeEverySendTheResolvedAddressIsCheckedAgain() {
        var localhost = new WebhookGuard(new WebhookSettings(List.of("localhost", "*.example.org"), false));
        assertThat(localhost.check("https://localhost/hook")).as("a name is resolved only at send time").isNotBlank();
        assertThatThrownBy(() -> localhost.checkBeforeSend("https://localhost/hook"))
                .isInstanceOf(DeliveryFailed.class).hasMessageContaining("internal address");
        assertThatThrownBy(() -> production.checkBeforeSend("https://evil.example.com/hook"))
                .isInstanceOf(DeliveryFailed.class).hasMessageContaining("not on the allow-list");
        assertThatThrownBy(() -> localhost.checkBeforeSend("https://no-such-host.invalid.example.org/hook"))
                .isInstanceOf(DeliveryFailed.class).hasMessageContaining("unknown host");
    }

    @Test
    void testsMayAllowTheirRobotOnLoopbackExplicitly() throws Exception {
        var tests = new WebhookGuard(new WebhookSettings(List.of("127.0.0.1"), true));
        assertThat(tests.check("http://127.0.0.1:4567/robot/send?key=t")).isNotBlank();
        tests.checkBeforeSend("http://127.0.0.1:4567/robot/send?key=t");
    }
}
