package dev.leadport.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person would do with each copied file of the corpus (src/test/resources/corpus/real, sources in its
 * README.md): the mapping they would choose and the rows worth importing.
 */
final class RealFiles {

    private RealFiles() {}

    static List<Map<String, Object>> expectations() {
        return List.of(
                real(
                        "real/thunderbird-basic-addressbook.csv",
                        "Thunderbird's own CSV address book layout (mailnews import test fixture)",
                        2,
                        2,
                        Map.of("firstName", "John"),
                        List.of(
                                List.of("First Name", "firstName"),
                                List.of("Last Name", "lastName"),
                                List.of("Display Name", "ignore"),
                                List.of("Primary Email", "email"))),
                real(
                        "real/thunderbird-semicolon.csv",
                        "Thunderbird CSV address book with semicolons (mailnews import test fixture)",
                        2,
                        2,
                        Map.of("lastName", "Doe"),
                        List.of(
                                List.of("Display Name", "ignore"),
                                List.of("First Name", "firstName"),
                                List.of("Last Name", "lastName"),
                                List.of("Primary Email", "email"))),
                real(
                        "real/thunderbird-export.csv",
                        "Thunderbird address book export (addrbook test fixture); its addresses have no domain part,"
                                + " so no row is worth importing",
                        2,
                        0,
                        Map.of(),
                        List.of(
                                List.of("First Name", "firstName"),
                                List.of("Last Name", "lastName"),
                                List.of("Primary Email", "email"),
                                List.of("Job Title", "jobTitle"),
                                List.of("Notes", "notes"))),
                real(
                        "real/twenty-spreadsheet-import-example.csv",
                        "Twenty CRM's spreadsheet-import example file (53 of its rows); one address holds a space",
                        53,
                        52,
                        Map.of("lastName", "Rodmann"),
                        List.of(
                                List.of("firstname", "firstName"),
                                List.of("lastname", "lastName"),
                                List.of("years", "ignore"),
                                List.of("team", "ignore"),
                                List.of("manager", "ignore"),
                                List.of("email", "email"))));
    }

    /** {@code columns} lists the columns a person would map (header, target); the others are ignored. */
    private static Map<String, Object> real(
            String file, String note, int rows, int usable, Map<String, String> firstRow, List<List<String>> columns) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", file);
        e.put("note", note);
        e.put("encoding", "UTF-8");
        e.put("rows", rows);
        e.put("usableRows", usable);
        e.put("firstDataRow", 2);
        e.put("columns", columns);
        e.put("firstRowStores", firstRow);
        return e;
    }
}
