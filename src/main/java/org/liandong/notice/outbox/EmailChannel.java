package org.liandong.notice.outbox;

import jakarta.mail.MessagingException;
import org.liandong.notice.Channel;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through SMTP. The delivery's idempotency key becomes the Message-ID, so a mail sent again after
 * a crash is recognisably the same message (mail clients and archives drop the duplicate).
 */
class EmailChannel implements DeliveryChannel {

    private final JavaMailSender mail;
    private final String from;
    private final String baseUrl;

    EmailChannel(JavaMailSender mail, String from, String baseUrl) {
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailed {
        try {
            var mime = mail.createMimeMessage();
            var helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.address());
            helper.setSubject(message.title());
            helper.setText(message.bodyWithLink(baseUrl), false);
            mime.setHeader("Message-ID", "<" + message.idempotencyKey() + "@liandong>");
            mime.setHeader("X-Idempotency-Key", message.idempotencyKey());
            mail.send(mime);
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailed("SMTP: " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
