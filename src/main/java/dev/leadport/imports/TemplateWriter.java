package dev.leadport.imports;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.leadport.leads.CustomFieldDefinition;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The import template: every importable field and custom field as a header, two example rows and (XLSX) notes. */
final class TemplateWriter {

    private final List<CustomFieldDefinition> customFields;

    TemplateWriter(List<CustomFieldDefinition> customFields) {
        this.customFields = customFields;
    }

    List<String> headers() {
        List<String> headers =
                new ArrayList<>(fields().stream().map(LeadField::label).toList());
        customFields.forEach(f -> headers.add(f.label()));
        return headers;
    }

    List<List<String>> examples() {
        List<String> first = new ArrayList<>(List.of(
                "Ada",
                "Lovelace",
                "ada.lovelace@example.com",
                "+44 20 7946 0958",
                "Analytical Engines Ltd",
                "Head of Research",
                "NEW",
                "Trade show",
                "",
                "Met at the London fair; wants a demo.",
                "HS-1001"));
        List<String> second = new ArrayList<>(List.of(
                "Grace",
                "Hopper",
                "grace@example.org",
                "(415) 555-0132",
                "Compilers Inc",
                "CTO",
                "QUALIFIED",
                "Website",
                "",
                "",
                ""));
        for (CustomFieldDefinition f : customFields) {
            first.add(example(f, 0));
            second.add(example(f, 1));
        }
        return List.of(first, second);
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>(List.of(
                "Optional",
                "Optional",
                "Email or phone required; unique",
                "Any format; without a country code the default region is used",
                "Optional",
                "Optional",
                "One of "
                        + String.join(
                                ", ",
                                Arrays.stream(LeadStatus.values())
                                        .map(Enum::name)
                                        .toList()) + "; empty means NEW",
                "Optional",
                "Username or email of a user; empty means you",
                "Optional",
                "The other system's record id; unique; import with matchBy=EXTERNAL_ID to update by it"));
        for (CustomFieldDefinition f : customFields) {
            notes.add(switch (f.type()) {
                        case TEXT -> "Text";
                        case NUMBER -> "Number";
                        case DATE -> "Date, e.g. 2026-03-31";
                        case BOOLEAN -> "yes or no";
                        case CHOICE -> "One of " + String.join(", ", f.options());
                    }
                    + (f.required() ? "; required" : ""));
        }
        return notes;
    }

    void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(writer);
        csv.writeRecord(headers());
        for (List<String> row : examples()) {
            csv.writeRecord(row);
        }
        csv.flush();
        writer.flush();
    }

    void writeXlsx(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Leadport", "1.0");
        Worksheet sheet = workbook.newWorksheet("Leads");
        List<String> headers = headers();
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        List<List<String>> examples = examples();
        for (int r = 0; r < examples.size(); r++) {
            for (int c = 0; c < examples.get(r).size(); c++) {
                sheet.value(r + 1, c, examples.get(r).get(c));
            }
        }
        Worksheet notes = workbook.newWorksheet("Allowed values");
        List<String> text = notes();
        for (int c = 0; c < headers.size(); c++) {
            notes.value(c, 0, headers.get(c));
            notes.value(c, 1, text.get(c));
        }
        workbook.finish();
    }

    private static List<LeadField> fields() {
        return Arrays.stream(LeadField.values()).filter(LeadField::importable).toList();
    }

    private static String example(CustomFieldDefinition f, int n) {
        return switch (f.type()) {
            case TEXT -> n == 0 ? "Example" : "";
            case NUMBER -> n == 0 ? "12500" : "980.5";
            case DATE -> n == 0 ? "2026-03-31" : "2026-11-02";
            case BOOLEAN -> n == 0 ? "yes" : "no";
            case CHOICE ->
                f.options().isEmpty() ? "" : f.options().get(n % f.options().size());
        };
    }
}
