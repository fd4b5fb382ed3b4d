package org.liandong.notice.outbox;

import org.liandong.notice.Channel;
import org.liandong.notice.SmsGateway;

/** Text messages through whichever {@link SmsGateway} is configured (by default one that only logs). */
class SmsChannel implements DeliveryChannel {

    private final SmsGateway gateway;
    private final String baseUrl;

    SmsChannel(SmsGateway gateway, String baseUrl) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailed {
        try {
            gateway.send(message.address(), message.text(baseUrl), message.idempotencyKey());
        } catch (Exception e) {
            throw new DeliveryFailed("SMS: " + EmailChannel.rootMessage(e), e);
        }
    }
}
