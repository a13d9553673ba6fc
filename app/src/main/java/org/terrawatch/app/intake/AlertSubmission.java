package org.terrawatch.app.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.terrawatch.monitoring.Sha256;
import org.terrawatch.monitoring.alert.IntakeRefused;
import org.terrawatch.monitoring.attachment.ImageTypes;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;

/**
 * An alert as the video AI platform sends it to {@code POST /api/alerts}, checked field by field before anything is
 * stored: who sent what, in the documented shape —
 * {@code externalId}, {@code camera} (its code), {@code type} (the platform's type name), {@code time} (ISO 8601 with an
 * offset), {@code longitude}, {@code latitude}, {@code crs} (CGCS2000 by default; WGS 84 accepted, the two agree to
 * centimetres), {@code confidence} (0 to 1, optional), {@code snapshot} (a JPEG or PNG, base64 in JSON or a file part of
 * a multipart form) and an optional {@code clip} (a link to the video). A field that is missing, of the wrong type or out
 * of range is an {@link IntakeRefused} naming it.
 *
 * @param snapshot       the image's bytes
 * @param snapshotSha256 their SHA-256, as hex digits
 */
public record AlertSubmission(String externalId, String camera, String type, Instant time, double longitude, double latitude,
                              Double confidence, byte[] snapshot, String snapshotType, String snapshotSha256, String clip) {

    /** The CRS names accepted for the position; all are stored as CGCS2000 longitude/latitude. */
    private static final Map<String, String> CRS = Map.of("cgcs2000", "EPSG:4490", "epsg:4490", "EPSG:4490", "wgs84", "EPSG:4326",
            "wgs 84", "EPSG:4326", "epsg:4326", "EPSG:4326", "crs84", "EPSG:4326");

    public AlertSubmission {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /**
     * Reads the fields of a submission, whatever carried them (a JSON object, a multipart form).
     *
     * @param field    a field's text, or null when absent
     * @param snapshot the snapshot's bytes when they came as a file part, else null (then {@code snapshot} is base64)
     * @param maximumSnapshotBytes the largest snapshot accepted
     * @param link     fetches a snapshot given as an http(s) link (from an allowed host, within the size), or refuses it
     */
    public static AlertSubmission read(Function<String, String> field, byte[] snapshot, long maximumSnapshotBytes,
                                       Function<String, byte[]> link) {
        String externalId = text(field, "externalId", 100);
        String camera = text(field, "camera", 40);
        String type = text(field, "type", 60);
        Instant time = time(field);
        String crs = field.apply("crs");
        if (crs != null && !CRS.containsKey(crs.strip().toLowerCase(Locale.ROOT))) {
            throw IntakeRefused.field("crs", "crs is CGCS2000 (the default) or WGS84, not " + shorten(crs));
        }
        double longitude = number(field, "longitude", -180, 180);
        double latitude = number(field, "latitude", -90, 90);
        Double confidence = field.apply("confidence") == null ? null : number(field, "confidence", 0, 1);
        byte[] image = snapshot != null ? snapshot : linked(field, link).orElseGet(() -> base64(field));
        if (image.length == 0) {
            throw IntakeRefused.field("snapshot", "snapshot is empty");
        }
        if (image.length > maximumSnapshotBytes) {
            throw IntakeRefused.field("snapshot", "snapshot has " + image.length + " bytes; at most " + maximumSnapshotBytes + " are accepted");
        }
        String imageType = imageType(image);
        String clip = field.apply("clip");
        if (clip != null && !(clip.startsWith("http://") || clip.startsWith("https://") || clip.startsWith("rtsp://")) || clip != null && clip.length() > 1000) {
            throw IntakeRefused.field("clip", "clip is a link (http, https or rtsp) to the video, at most 1,000 characters");
        }
        return new AlertSubmission(externalId, camera, type, time, longitude, latitude, confidence, image, imageType, Sha256.hex(image), clip);
    }

    /** A checksum of everything sent: the same alert pushed again has the same fingerprint, any change another. */
    public String fingerprint() {
        String fields = String.join("\u0000", externalId, camera, type, time.toString(), Double.toString(longitude), Double.toString(latitude),
                String.valueOf(confidence), String.valueOf(clip), snapshotSha256);
        return Sha256.hex(fields);
    }

    private static String text(Function<String, String> field, String name, int maximumLength) {
        String value = field.apply(name);
        if (value == null || value.isBlank()) {
            throw IntakeRefused.field(name, name + " is required");
        }
        if (value.length() > maximumLength || value.chars().anyMatch(Character::isISOControl)) {
            throw IntakeRefused.field(name, name + " is at most " + maximumLength + " printable characters");
        }
        return value.strip();
    }

    private static Instant time(Function<String, String> field) {
        String value = text(field, "time", 40);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw IntakeRefused.field("time", "time is an ISO 8601 date-time with its offset, e.g. 2026-11-20T10:15:30+08:00, not " + shorten(value));
        }
    }

    private static double number(Function<String, String> field, String name, double minimum, double maximum) {
        String value = field.apply(name);
        if (value == null || value.isBlank()) {
            throw IntakeRefused.field(name, name + " is required");
        }
        double number;
        try {
            number = Numbers.finite(value, name);
        } catch (OwsException e) {
            throw IntakeRefused.field(name, e.getMessage());
        }
        if (number < minimum || number > maximum) {
            throw IntakeRefused.field(name, name + " is a number from " + minimum + " to " + maximum + ", not " + shorten(value));
        }
        return number;
    }

    private static java.util.Optional<byte[]> linked(Function<String, String> field, Function<String, byte[]> link) {
        String value = field.apply("snapshot");
        if (value == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
            return java.util.Optional.empty();
        }
        if (value.length() > 2000) {
            throw IntakeRefused.field("snapshot", "snapshot's link is at most 2,000 characters");
        }
        return java.util.Optional.of(link.apply(value.strip()));
    }

    private static byte[] base64(Function<String, String> field) {
        String value = field.apply("snapshot");
        if (value == null || value.isBlank()) {
            throw IntakeRefused.field("snapshot", "snapshot is required: the image, base64-encoded (or a file part of a multipart form)");
        }
        String data = value.startsWith("data:") && value.contains(",") ? value.substring(value.indexOf(',') + 1) : value;
        try {
            // The plain decoder is several times faster; line-wrapped (MIME) base64 is read too.
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException wrapped) {
            try {
                return Base64.getMimeDecoder().decode(data.strip());
            } catch (IllegalArgumentException e) {
                throw IntakeRefused.field("snapshot", "snapshot is not base64: " + e.getMessage());
            }
        }
    }

    /** JPEG or PNG by their signatures; anything else is refused. */
    private static String imageType(byte[] image) {
        return ImageTypes.of(image).orElseThrow(() -> IntakeRefused.field("snapshot", "snapshot is not a JPEG or PNG image"));
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
