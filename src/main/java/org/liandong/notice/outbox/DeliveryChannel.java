package org.liandong.notice.outbox;

import org.liandong.notice.Channel;

/** Sends one message on one channel, or says why it could not. */
interface DeliveryChannel {

    Channel channel();

    void send(OutgoingMessage message) throws DeliveryFailed;
}
