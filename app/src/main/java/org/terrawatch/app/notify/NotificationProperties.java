package org.terrawatch.app.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is told what, and how ({@code <data-dir>/notifications.yml}): the channels (a JSON webhook signed with HMAC-SHA256,
 * a chat robot's webhook, e-mail over SMTP, an SMS gateway over HTTP), the rules that turn changes into messages, and
 * how delivery is retried.
 *
 * @param channels   by name
 * @param rules      each change any rule matches becomes one message per recipient
 * @param retry      the first wait after a failed attempt, doubled each time up to {@code maxRetry}
 * @param maxRetry   the longest wait between attempts
 * @param attempts   after this many failed attempts a message is given up (FAILED, visible to administrators)
 */
@ConfigurationProperties("terrawatch.notifications")
public record NotificationProperties(@DefaultValue Map<String, Channel> channels, @DefaultValue List<Rule> rules,
                                     @DefaultValue("5s") Duration retry, @DefaultValue("30m") Duration maxRetry,
                                     @DefaultValue("12") int attempts) {

    public enum Kind { WEBHOOK, CHAT, EMAIL, SMS }

    /**
     * @param url       where a webhook, chat robot or SMS gateway is
     * @param secret    the HMAC key of a webhook's signature
     * @param smtpHost  the mail server of an e-mail channel
     * @param from      the sender of its e-mails
     * @param template  an SMS's text, with {subject} in it
     */
    public record Channel(Kind kind, @DefaultValue("") String url, @DefaultValue("") String secret, @DefaultValue("") String smtpHost,
                          @DefaultValue("25") int smtpPort, @DefaultValue("") String from, @DefaultValue("【TerraWatch】{subject}") String template) {
    }

    /**
     * @param kinds       the changed entities' kinds (ALERT, INCIDENT, WORK_ORDER)
     * @param actions     the changes (RECEIVE, dispatch, OVERDUE, ...); any when empty
     * @param alertTypes  for alerts and incidents, their types; any when empty
     * @param maxPriority for alerts, only those of this priority or a more urgent one (1 is first)
     * @param channel     the channel's name
     * @param recipients  e-mail addresses or phone numbers; none for a webhook or chat robot
     * @param townshipRecipients and, by township code, those told of what lies in that township (its grid staff)
     */
    public record Rule(Set<String> kinds, @DefaultValue Set<String> actions, @DefaultValue Set<String> alertTypes,
                       @DefaultValue("5") int maxPriority, String channel, @DefaultValue List<String> recipients,
                       @DefaultValue Map<String, List<String>> townshipRecipients) {

        /** Who is told of a change in the township (null when it lies in none): the rule's recipients and the township's. */
        public List<String> recipientsIn(String township) {
            List<String> all = new java.util.ArrayList<>(recipients);
            if (township != null) {
                townshipRecipients.getOrDefault(township, List.of()).stream().filter(r -> !all.contains(r)).forEach(all::add);
            }
            return all;
        }
    }
}
