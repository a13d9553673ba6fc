package org.terrawatch.app.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.terrawatch.monitoring.alert.AlertType;
import org.terrawatch.monitoring.alert.IntakeRefused;
import org.terrawatch.monitoring.calendar.DeadlineKind;

/**
 * How alerts come in ({@code <data-dir>/intake.yml}): the video platform's type names mapped onto ours (our own names
 * are always understood), the shapes of platforms that send their own, where snapshots given as links may come from,
 * the largest snapshot, and how fast one credential may send.
 *
 * @param types           the platform's type name → our alert type
 * @param snapshotMaxSize the largest snapshot accepted
 * @param perSecond       alerts one credential may send per second, sustained
 * @param burst           and at once, after a quiet spell
 * @param incidentDistance a repeated alert of the same camera and type within this many metres ...
 * @param incidentWindow   ... and this long after the last one joins its incident
 * @param falseAlarmReasons what a duty officer may give as the reason of a false alarm (the note starts with one)
 * @param routing          where a confirmed alert of each type is dispatched, and by when
 * @param cameraSilence    a camera not heard from (heartbeat or alert) for this long is offline
 * @param dueSoonShare     a work order is due soon once this share of its time is used (then overdue past its deadline)
 * @param shapes           the platforms that send their own shape, by the id of their API key
 * @param snapshotHosts    where a snapshot given as a link may be fetched from (names, {@code *.domain}, addresses, CIDR ranges)
 */
@ConfigurationProperties("terrawatch.intake")
public record IntakeProperties(@DefaultValue Map<String, AlertType> types, @DefaultValue("5MB") DataSize snapshotMaxSize,
                               @DefaultValue("100") int perSecond, @DefaultValue("400") int burst,
                               @DefaultValue("200") double incidentDistance, @DefaultValue("30m") java.time.Duration incidentWindow,
                               @DefaultValue({"云影", "车辆灯光", "光线变化", "许可范围内作业", "重复报警", "设备故障", "其他"})
                               java.util.List<String> falseAlarmReasons, @DefaultValue Map<AlertType, Route> routing,
                               @DefaultValue("10m") java.time.Duration cameraSilence, @DefaultValue("0.8") double dueSoonShare,
                               @DefaultValue Map<String, Shape> shapes, @DefaultValue List<String> snapshotHosts) {

    /**
     * A platform's own shape of an alert: where each of our fields is in its JSON (a JSON pointer, e.g.
     * {@code /gps/lng}; a field not named is read under our name), how it writes the time — {@code ISO} (ours),
     * {@code epoch-millis}, {@code epoch-seconds} or a pattern such as {@code yyyy-MM-dd HH:mm:ss} in {@code timeZone}
     * — and the scale of its confidence (100 when it scores 0 to 100).
     */
    public record Shape(@DefaultValue Map<String, String> fields, @DefaultValue("ISO") String timeFormat,
                        @DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue("1") double confidenceScale) {

        public Shape {
            fields.forEach((field, pointer) -> {
                if (!pointer.startsWith("/")) {
                    throw new IllegalArgumentException("The field " + field + " of an alert shape is a JSON pointer starting with /, not " + pointer);
                }
            });
            if (!(confidenceScale > 0)) {
                throw new IllegalArgumentException("An alert shape's confidence-scale is positive, not " + confidenceScale);
            }
            if (!List.of("ISO", "epoch-millis", "epoch-seconds").contains(timeFormat)) {
                DateTimeFormatter.ofPattern(timeFormat); // a bad pattern stops the start with its reason
            }
        }

        /** Where our field is in the platform's JSON. */
        public String pointer(String field) {
            return fields.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(field)).map(Map.Entry::getValue).findFirst()
                    .orElse("/" + field);
        }

        /**
         * Our field's text, read from the platform's JSON through its pointer, the time and the confidence put in our terms.
         *
         * @param at the text at a JSON pointer, or null
         */
        public String value(String field, Function<String, String> at) {
            String pointer = pointer(field);
            String raw = at.apply(pointer);
            if (raw == null || raw.isBlank()) {
                return raw;
            }
            return switch (field) {
                case "time" -> time(raw.strip(), pointer);
                case "confidence" -> confidence(raw.strip());
                default -> raw;
            };
        }

        private String time(String raw, String pointer) {
            try {
                return switch (timeFormat) {
                    case "ISO" -> raw;
                    case "epoch-millis" -> Instant.ofEpochMilli(Long.parseLong(raw)).atZone(timeZone).toOffsetDateTime().toString();
                    case "epoch-seconds" -> Instant.ofEpochSecond(Long.parseLong(raw)).atZone(timeZone).toOffsetDateTime().toString();
                    default -> LocalDateTime.parse(raw, DateTimeFormatter.ofPattern(timeFormat)).atZone(timeZone).toOffsetDateTime().toString();
                };
            } catch (NumberFormatException | DateTimeException e) {
                throw IntakeRefused.field("time", "time (" + pointer + ") is written " + timeFormat + ", not " + (raw.length() > 40
                        ? raw.substring(0, 37) + "..." : raw));
            }
        }

        private String confidence(String raw) {
            try {
                return Double.toString(Double.parseDouble(raw) / confidenceScale);
            } catch (NumberFormatException e) {
                return raw; // refused, naming the field, with the others
            }
        }
    }

    /** The shape the sender's platform sends, or null for ours. */
    public Shape shapeOf(String keyId) {
        return shapes.get(keyId);
    }

    /**
     * The dispatch of a type of alert (the plan's seven domains and five working groups).
     *
     * @param domain       the plan's domain (耕地保护, 矿产资源保护, 地质灾害, 森林草原防火, 封山禁牧, 安全生产, 生态环境保护)
     * @param workingGroup the working group it goes to
     * @param department   the department within it that acts first, or null
     * @param deadline     by when: on site within an hour for geological hazards, else a video verification report
     */
    public record Route(String domain, String workingGroup, String department, @DefaultValue("VIDEO_VERIFICATION") DeadlineKind deadline) {
    }

    /** Our type for the platform's name: the configured mapping, else our own name in any case; empty when neither. */
    public Optional<AlertType> type(String platformName) {
        AlertType mapped = types.get(platformName);
        if (mapped == null) {
            mapped = types.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(platformName)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
        }
        if (mapped != null) {
            return Optional.of(mapped);
        }
        try {
            return Optional.of(AlertType.valueOf(platformName.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
