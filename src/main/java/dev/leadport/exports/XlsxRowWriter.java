package dev.leadport.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX written as a stream by fastexcel: rows are flushed to the output every few thousand, and a new sheet starts
 * when one reaches Excel's row limit, each with the header row again.
 */
final class XlsxRowWriter {

    static final int MAX_ROWS_PER_SHEET = 1_048_576;
    private static final int FLUSH_EVERY = 2_000;

    private final Workbook workbook;
    private List<String> header = List.of();
    private Worksheet sheet;
    private int sheets;
    private int row;

    XlsxRowWriter(OutputStream out) {
        this.workbook = new Workbook(out, "Leadport", "1.0");
    }

    void header(List<String> names) throws IOException {
        this.header = List.copyOf(names);
        newSheet();
    }

    /** One row; null cells stay empty. */
    void row(String[] cells) throws IOException {
        if (row == MAX_ROWS_PER_SHEET) {
            newSheet();
        }
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null && !cells[c].isEmpty()) {
                sheet.value(row, c, cells[c]);
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? "Leads" : "Leads " + sheets);
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        row = 1;
    }

    void finish() throws IOException {
        if (sheet == null) {
            newSheet();
        }
        workbook.finish();
    }
}
