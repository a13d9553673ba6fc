package org.terrawatch.submission;

/**
 * What became of one feature of a submitted file.
 *
 * @param number  its place in the file (1 for the first)
 * @param label   what it is called in the file (its name or reference), to find it there
 * @param status  {@link Status}
 * @param code    why, for clients to translate: {@code REPAIRED_RING_CLOSED}, {@code REPAIRED_OVERLAPPING_PARTS},
 *                {@code SELF_INTERSECTION}, {@code NOT_AN_AREA}, {@code NO_GEOMETRY}, {@code OUTSIDE_JURISDICTION},
 *                {@code BAD_VALUE}, ...; null when accepted as it was
 * @param message the same in words, with the place where it applies
 */
public record FeatureOutcome(int number, String label, Status status, String code, String message) {

    public enum Status {
        ACCEPTED,
        REPAIRED,
        REFUSED
    }

    static FeatureOutcome refused(int number, String label, String code, String message) {
        return new FeatureOutcome(number, label, Status.REFUSED, code, message);
    }
}
