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
     * @param kinds       the changed entities' kinds (ALERT, INCIDENT, WORK_ORDER, PATCH), or REMINDER for the calendar's
     *                    reminders
     * @param actions     the changes (RECEIVE, dispatch, push, OVERDUE, ...) or the reminders' kinds (SUBMISSION_OVERDUE,
     *                    EXTRACTION_DUE, VERIFICATION_OVERDUE); any when empty
     * @param alertTypes  for alerts and incidents, their types; any when empty
     * @param maxPriority for alerts, only those of this priority or a more urgent one (1 is first)
     * @param channel     the channel's name
     * @param recipients  e-mail addresses or phone numbers; none for a webhook or chat robot
     * @param townshipRecipients and, by township code, those told of what lies in that township (its grid staff)
     * @param departmentRecipients and, by department code, those told of what concerns that department (a patch pushed to
     *                    it, its work order, its overdue hand-in)
     */
    public record Rule(Set<String> kinds, @DefaultValue Set<String> actions, @DefaultValue Set<String> alertTypes,
                       @DefaultValue("5") int maxPriority, String channel, @DefaultValue List<String> recipients,
                       @DefaultValue Map<String, List<String>> townshipRecipients,
                       @DefaultValue Map<String, List<String>> departmentRecipients) {

        /**
         * Who is told of a change in the township concerning the department (either null when none): the rule's
         * recipients, the township's and the department's.
         */
        public List<String> recipientsIn(String township, String department) {
            List<String> all = new java.util.ArrayList<>(recipients);
            if (township != null) {
                townshipRecipients.getOrDefault(township, List.of()).stream().filter(r -> !all.contains(r)).forEach(all::add);
            }
            if (department != null) {
                departmentRecipients.getOrDefault(department, List.of()).stream().filter(r -> !all.contains(r)).forEach(all::add);
            }
            return all;
        }

        /** Whether the rule names whom it tells (then it tells nobody else). */
        public boolean namesRecipients() {
            return !recipients.isEmpty() || !townshipRecipients.isEmpty() || !departmentRecipients.isEmpty();
        }
    }
}
