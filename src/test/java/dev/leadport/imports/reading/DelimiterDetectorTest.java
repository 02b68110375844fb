package dev.leadport.imports.reading;

import static dev.leadport.imports.reading.Sources.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelimiterDetectorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void eachSupportedSeparatorIsDetectedAndUsed(char separator) throws Exception {
        String s = String.valueOf(separator);
        String text = String.join(s, "Name", "Email", "Notes") + "\n"
                + String.join(s, "Ann", "ann@example.com", "\"likes, commas; and | pipes\"") + "\n"
                + String.join(s, "Bob", "bob@example.com", "plain") + "\n";
        Path file = write(dir, "a.csv", text, StandardCharsets.UTF_8);

        try (CsvSource source = CsvSource.open(file, ReadOptions.DEFAULTS)) {
            assertThat(source.separator()).isEqualTo(separator);
            assertThat(source.headers()).containsExactly("Name", "Email", "Notes");
            assertThat(Sources.rowsOf(source).get(0).fields())
                    .containsExactly("Ann", "ann@example.com", "likes, commas; and | pipes");
        }
    }

    @Test
    void separatorsInsideQuotedFieldsSpanningLinesDoNotCount() {
        String text = "a;b\n\"x,y,z\nmore,commas\";2\n3;4\n";

        assertThat(DelimiterDetector.detect(text)).isEqualTo(';');
    }

    @Test
    void consistentSemicolonsBeatOccasionalCommasInValues() {
        String text = "Name;Company;City\nAnn;Acme, Inc.;Berlin\nBob;Globex;Paris, France\nCid;Initech;Rome\n";

        assertThat(DelimiterDetector.detect(text)).isEqualTo(';');
    }

    @Test
    void singleColumnFileFallsBackToComma() {
        assertThat(DelimiterDetector.detect("Email\na@example.com\nb@example.com\n"))
                .isEqualTo(',');
    }
}
