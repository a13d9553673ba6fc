package org.terrawatch.reports.document;

import java.util.List;
import java.util.Objects;

/**
 * A monitoring report (city rules, article 20) as the office reads it, whatever it is written as (DOCX, PDF, XLSX): a
 * title and subtitle, the reference (who asked, when), its blocks in order — headings, paragraphs, tables, figures (maps,
 * charts) — and the sheets of its workbook (the patch list and the statistics).
 */
public record ReportDocument(String title, String subtitle, String reference, List<Block> blocks, List<Sheet> sheets) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
        sheets = List.copyOf(sheets);
    }

    /** A part of the report's text. */
    public sealed interface Block permits Heading, Text, Table, Figure {
    }

    /** A heading: level 1 for a chapter, 2 for a section. */
    public record Heading(String text, int level) implements Block {
    }

    public record Text(String text) implements Block {
    }

    /** A table with its caption, header row and rows of text. */
    public record Table(String caption, List<String> columns, List<List<String>> rows) implements Block {

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A PNG or JPEG with its caption; null bytes print the caption saying why it is missing. */
    public record Figure(String caption, byte[] image, double widthShare) implements Block {
    }

    /** A workbook sheet: numbers stay numbers (the office sums them). */
    public record Sheet(String name, List<String> columns, List<List<Object>> rows) {

        public Sheet {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        }
    }
}
