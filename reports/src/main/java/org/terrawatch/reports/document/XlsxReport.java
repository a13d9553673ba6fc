package org.terrawatch.reports.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A {@link ReportDocument}'s sheets as an Excel workbook (XLSX), streamed (SXSSF: a few hundred rows in memory, however
 * long the patch list): a bold shaded header row, frozen, numbers as numbers.
 */
public final class XlsxReport {

    public byte[] write(ReportDocument report) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(report.title());
            CellStyle header = workbook.createCellStyle();
            var bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (ReportDocument.Sheet sheet : report.sheets()) {
                SXSSFSheet written = workbook.createSheet(sheet.name());
                Row first = written.createRow(0);
                for (int c = 0; c < sheet.columns().size(); c++) {
                    var cell = first.createCell(c);
                    cell.setCellValue(sheet.columns().get(c));
                    cell.setCellStyle(header);
                    written.setColumnWidth(c, 16 * 256);
                }
                written.createFreezePane(0, 1);
                int r = 1;
                for (var values : sheet.rows()) {
                    Row row = written.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        } else if (value != null) {
                            row.createCell(c).setCellValue(value.toString());
                        }
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The XLSX report could not be written", e);
        }
    }
}
