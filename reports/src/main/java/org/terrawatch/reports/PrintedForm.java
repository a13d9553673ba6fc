package org.terrawatch.reports;

import java.util.List;
import java.util.Objects;

/**
 * A printable form, whatever it is printed as (PDF, DOCX): a title, the reference under it, sections of labelled
 * values, figures (a snapshot, a map), and the fields left blank for signatures. Every text is as it is shown.
 *
 * @param reference  what identifies the form (a work order's code and when it was printed)
 * @param signatures the labels of the sign-off fields, printed with room to sign and date
 */
public record PrintedForm(String title, String reference, List<Section> sections, List<Figure> figures, List<String> signatures) {

    public PrintedForm {
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
        figures = List.copyOf(figures);
        signatures = List.copyOf(signatures);
    }

    /** A heading and its labelled values, in order; a value may be empty. */
    public record Section(String heading, List<Field> fields) {

        public Section {
            Objects.requireNonNull(heading, "heading");
            fields = List.copyOf(fields);
        }
    }

    /** A label and its value. */
    public record Field(String label, String value) {

        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /**
     * An image with its caption: a PNG or JPEG, or none (then the caption says why it is missing).
     *
     * @param image the image's bytes, or null
     */
    public record Figure(String caption, byte[] image) {

        public Figure {
            Objects.requireNonNull(caption, "caption");
        }
    }
}
