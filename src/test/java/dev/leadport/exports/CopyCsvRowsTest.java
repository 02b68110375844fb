package dev.leadport.exports;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CopyCsvRowsTest {

    private static final String[] PIECES = {
        "=",
        "+",
        "-",
        "@",
        "\t",
        "\r",
        "\n",
        "\r\n",
        ",",
        "\"",
        "\"\"",
        " ",
        "(",
        ")",
        ".",
        "/",
        "1",
        "42",
        "0",
        "a",
        "Müller",
        "数据",
        "SUM(A1)",
        "+1 415 555 0100",
        "-12.5",
        "=HYPERLINK(\"x\")",
        "'"
    };

    @Test
    void guardsFormulasInGuardedColumnsOnlyAndEndsRowsWithCrlf() throws IOException {
        String copy = "1,=SUM(A1),=SUM(A1),+1 415 555 0100\n"
                + "2,\"@x, \"\"y\"\"\",-12.5,\"-3,5\"\n"
                + "3,\"line\nbreak\",\"\r=x\",\t=y\n"
                + "4,,\"\",-\n"
                + "5,\"\",,\"\"\n";

        String out = run(copy, new boolean[] {false, true, false, true}, new Random(1), false);

        assertThat(out)
                .isEqualTo("1,'=SUM(A1),=SUM(A1),+1 415 555 0100\r\n"
                        + "2,\"'@x, \"\"y\"\"\",-12.5,\"-3,5\"\r\n"
                        + "3,\"line\nbreak\",\"\r=x\",'\t=y\r\n"
                        + "4,,\"\",'-\r\n"
                        + "5,\"\",,\"\"\r\n");
    }

    @Test
    void anyValuesInAnyPiecesComeOutAsTheGuardOfEachValue() throws IOException {
        Random random = new Random(20261129);
        for (int round = 0; round < 300; round++) {
            int width = 1 + random.nextInt(6);
            boolean[] guarded = new boolean[width];
            for (int c = 0; c < width; c++) {
                guarded[c] = random.nextBoolean();
            }
            List<List<String>> rows = new ArrayList<>();
            StringBuilder copy = new StringBuilder();
            for (int r = 0; r < 1 + random.nextInt(20); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    String value = value(random);
                    row.add(value);
                    copy.append(c == 0 ? "" : ",").append(copyCell(value));
                }
                copy.append('\n');
                rows.add(row);
            }

            String out = run(copy.toString(), guarded, random, true);

            List<List<String>> read = new ArrayList<>();
            for (CsvRecord record : CsvReader.builder().ofCsvRecord(out)) {
                read.add(record.getFields());
            }
            List<List<String>> expected = new ArrayList<>();
            for (List<String> row : rows) {
                List<String> guardedRow = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    guardedRow.add(guarded[c] ? FormulaGuard.guard(row.get(c)) : row.get(c));
                }
                expected.add(guardedRow);
            }
            assertThat(read).as("round %d: %s", round, copy).isEqualTo(expected);
            assertThat(rowEnds(out))
                    .as("row ends outside quotes")
                    .containsOnly("\r\n")
                    .hasSize(rows.size());
        }
    }

    @Test
    void theGuardLeavesNumbersAndPhonesAndMarksEverythingElseThatCouldRun() {
        assertThat(FormulaGuard.guard("+1 (415) 555-0100")).isEqualTo("+1 (415) 555-0100");
        assertThat(FormulaGuard.guard("-12,5")).isEqualTo("-12,5");
        assertThat(FormulaGuard.guard("1/2")).isEqualTo("1/2");
        assertThat(FormulaGuard.guard("-")).isEqualTo("'-");
        assertThat(FormulaGuard.guard("+1+1")).isEqualTo("'+1+1");
        assertThat(FormulaGuard.guard("-2+3")).isEqualTo("'-2+3");
        assertThat(FormulaGuard.guard("\r1")).isEqualTo("'\r1");
        assertThat(FormulaGuard.guard("@")).isEqualTo("'@");
        assertThat(FormulaGuard.guard("a=b")).isEqualTo("a=b");
        assertThat(FormulaGuard.guard("")).isEmpty();
        assertThat(FormulaGuard.guard(null)).isNull();
    }

    /** Writes the text through the stream, in random pieces or as whole rows, and returns what came out. */
    private static String run(String copy, boolean[] guarded, Random random, boolean pieces) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        CopyCsvRows rows = new CopyCsvRows(sink, guarded, n -> {});
        byte[] bytes = copy.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int n = pieces ? Math.min(bytes.length - i, 1 + random.nextInt(12)) : bytes.length;
            if (n == 1 && random.nextBoolean()) {
                rows.write(bytes[i]);
            } else {
                rows.write(bytes, i, n);
            }
            i += n;
        }
        rows.close();
        return sink.toString(StandardCharsets.UTF_8);
    }

    /** The line ends outside quoted values: each with the character before it. */
    private static List<String> rowEnds(String csv) {
        List<String> ends = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                ends.add(csv.substring(Math.max(0, i - 1), i + 1));
            }
        }
        return ends;
    }

    private static String value(Random random) {
        StringBuilder value = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            value.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return value.toString();
    }

    /** A value as COPY ... (format csv) writes it: quoted when it holds a comma, quote, CR or LF, or is empty. */
    private static String copyCell(String value) {
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
