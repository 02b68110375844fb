package dev.leadport.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lead ids of a bulk command: one per line, or the {@code id} (or {@code ID}) column of a CSV with a header, such
 * as an export with {@code --fields id,...}. Ids go to the server as written; it checks each one and reports the
 * bad ones by id.
 */
final class IdsFile {

    private IdsFile() {}

    static List<String> read(Path file) throws CliFailure {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.usage("--ids: cannot read " + file + " (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(text)) {
            for (CsvRecord record : csv) {
                if (!(record.getFieldCount() == 1 && record.getField(0).isBlank())) {
                    rows.add(record.getFields());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw CliFailure.usage("--ids: " + file + " is not one id per line or a CSV (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw CliFailure.usage("--ids: " + file + " holds no ids");
        }
        List<String> first = rows.get(0);
        int column = 0;
        boolean header = first.size() > 1 || !first.get(0).strip().matches("\\d+");
        if (header) {
            column = -1;
            for (int i = 0; i < first.size(); i++) {
                if (first.get(i).strip().toLowerCase(Locale.ROOT).equals("id")) {
                    column = i;
                }
            }
            if (column < 0 && first.size() > 1) {
                throw CliFailure.usage(
                        "--ids: " + file + " has no column named id (its header is " + String.join(",", first) + ")");
            }
        }
        List<String> ids = new ArrayList<>();
        // A single column without a header named "id" is all ids, its first line too (the server reports bad ones).
        int start = header && column >= 0 ? 1 : 0;
        int at = Math.max(column, 0);
        for (List<String> row : rows.subList(start, rows.size())) {
            String id = row.size() > at ? row.get(at).strip() : "";
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw CliFailure.usage("--ids: " + file + " holds no ids");
        }
        return ids;
    }
}
