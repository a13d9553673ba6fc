package org.terrawatch.app.notify;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.terrawatch.monitoring.notify.OutboxMessage;

/** E-mail over SMTP, one mail server per channel; the idempotency key travels as the mail's {@code X-Idempotency-Key}. */
final class EmailSender implements MessageSender {

    private final Map<String, JavaMailSenderImpl> servers = new ConcurrentHashMap<>();

    @Override
    public void send(OutboxMessage message, NotificationProperties.Channel channel) throws Exception {
        JavaMailSenderImpl server = servers.computeIfAbsent(channel.smtpHost() + ":" + channel.smtpPort(), key -> {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(channel.smtpHost());
            sender.setPort(channel.smtpPort());
            sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
            return sender;
        });
        MimeMessage mail = server.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, false, StandardCharsets.UTF_8.name());
        helper.setFrom(channel.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.subject() + "\n\n" + message.body());
        mail.setHeader("X-Idempotency-Key", message.idempotencyKey());
        server.send(mail);
    }
}
