package dev.leadport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The import corpus (src/test/resources/corpus: exports other tools write, copied and generated) validated the way a
 * new user tries it: each file uploaded with default options and nothing changed. Per file and in total it prints the
 * rows worth importing, how many of them pass that first dry run, and how many of the columns a person would map the
 * suggestion maps as they would.
 */
class ImportCorpusTest extends ApiTestBase {

    /**
     * Share of the rows worth importing that pass a first dry run untouched: the product's promise is 0.95 (measured:
     * every usable row of the corpus passes, those with an unusable secondary value with a warning).
     */
    static final double PASSING_GOAL = 0.95;
    /** Share of the columns a person would map that the suggested mapping maps the same way, as measured. */
    static final double MAPPING_GOAL = 0.99;

    /** One file's figures. */
    record Outcome(
            String file, long usable, long passing, int columns, int mappedRight, int mappedWrong, String note) {}

    @Test
    void aFirstDryRunOfEveryCorpusFileKeepsTheUsableRowsAndMapsTheColumnsAPersonWould() {
        Api admin = as("admin");
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode expected : expectations()) {
            outcomes.add(validate(admin, expected));
        }
        long usable = outcomes.stream().mapToLong(Outcome::usable).sum();
        long passing = outcomes.stream().mapToLong(Outcome::passing).sum();
        int columns = outcomes.stream().mapToInt(Outcome::columns).sum();
        int right = outcomes.stream().mapToInt(Outcome::mappedRight).sum();
        print(outcomes, usable, passing, columns, right);
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(30);
        assertThat((double) passing / usable).as("usable rows passing").isGreaterThanOrEqualTo(PASSING_GOAL);
        assertThat((double) right / columns).as("mapping accuracy").isGreaterThanOrEqualTo(MAPPING_GOAL);
    }

    private Outcome validate(Api admin, JsonNode expected) {
        String file = expected.get("file").asString();
        long usable = expected.get("usableRows").asLong();
        Map<String, String> wanted = new HashMap<>();
        for (JsonNode column : expected.get("columns")) {
            if (!column.get(1).asString().equals("ignore")) {
                wanted.put(column.get(0).asString(), column.get(1).asString());
            }
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        Api.Response response = admin.postMultipart(
                "/api/leads/import-export/validate",
                Map.of("file", new FilePart(name, "text/csv", bytes("/corpus/" + file))));
        if (response.status() != 200) {
            return new Outcome(
                    file,
                    usable,
                    0,
                    wanted.size(),
                    0,
                    0,
                    "refused: " + response.json().get("detail"));
        }
        JsonNode report = response.json();
        int right = 0;
        int wrong = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode column : report.get("mapping")) {
            String target = column.get("target").asString();
            String want = wanted.get(column.get("header").asString());
            if (want != null && want.equals(target)) {
                right++;
            } else if (want == null && !target.equals("ignore")) {
                wrong++;
            } else if (want != null) {
                misses.add(column.get("header").asString() + "->" + target + " not " + want);
            }
        }
        long passing = Math.min(usable, report.get("validRows").asLong());
        String garbled = garbled(report, expected);
        if (garbled != null) {
            passing = 0;
        }
        String note =
                report.get("encoding").asString("") + (garbled == null ? "" : "; first row stored with " + garbled);
        return new Outcome(file, usable, passing, wanted.size(), right, wrong, note);
    }

    /** The first data row's values as the dry run would store them, when they differ from the file's text. */
    private static String garbled(JsonNode report, JsonNode expected) {
        JsonNode check = expected.get("firstRowStores");
        long firstRow = expected.get("firstDataRow").asLong();
        for (JsonNode row : report.get("sample")) {
            if (row.get("row").asLong() != firstRow) {
                continue;
            }
            for (Map.Entry<String, JsonNode> field : check.properties()) {
                String stored = row.get(field.getKey()).asString("");
                if (!stored.equals(field.getValue().asString())) {
                    return field.getKey() + " '" + stored + "' instead of '"
                            + field.getValue().asString() + "'";
                }
            }
        }
        return null;
    }

    private static void print(List<Outcome> outcomes, long usable, long passing, int columns, int right) {
        StringBuilder table = new StringBuilder("\nImport corpus, first dry run with default options\n");
        table.append(String.format(
                "%-45s %7s %8s %6s %8s %6s  %s%n", "file", "usable", "passing", "share", "mapping", "extra", "note"));
        for (Outcome o : outcomes) {
            table.append(String.format(
                    "%-45s %7d %8d %6s %8s %6d  %s%n",
                    o.file(),
                    o.usable(),
                    o.passing(),
                    o.usable() == 0 ? "-" : String.format("%.0f%%", 100.0 * o.passing() / o.usable()),
                    o.mappedRight() + "/" + o.columns(),
                    o.mappedWrong(),
                    o.note()));
        }
        table.append(String.format(
                "%-45s %7d %8d %5.1f%% %8s%n",
                "TOTAL", usable, passing, 100.0 * passing / usable, right + "/" + columns));
        table.append(String.format("mapping accuracy %.1f%%%n", 100.0 * right / columns));
        System.out.println(table);
    }

    private static List<JsonNode> expectations() {
        List<JsonNode> list = new ArrayList<>();
        Api.JSON.readTree(bytes("/corpus/expectations.json")).forEach(list::add);
        return list;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ImportCorpusTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
