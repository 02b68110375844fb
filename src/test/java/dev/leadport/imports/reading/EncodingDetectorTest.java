package dev.leadport.imports.reading;

import static dev.leadport.imports.reading.Sources.concat;
import static dev.leadport.imports.reading.Sources.readAll;
import static dev.leadport.imports.reading.Sources.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingDetectorTest {

    private static final String TEXT =
            "First Name,Last Name,Email\nRené,Müller,rene@example.com\nZoë,Façade,z@example.com\n";

    @TempDir
    Path dir;

    @Test
    void utf8FileWithoutBomIsDetectedAndDecoded() throws Exception {
        Path file = write(dir, "a.csv", TEXT, StandardCharsets.UTF_8);

        assertThat(EncodingDetector.detect(file).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(readAll(file).get(0).fields()).containsExactly("René", "Müller", "rene@example.com");
    }

    @Test
    void utf8FileWithBomIsDetectedAndTheBomIsNotPartOfTheFirstHeader() throws Exception {
        Path file = write(dir, "a.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("UTF-8")));

        assertThat(EncodingDetector.detect(file))
                .isEqualTo(new EncodingDetector.DetectedEncoding(StandardCharsets.UTF_8, 3));
        assertThat(headers(file)).containsExactly("First Name", "Last Name", "Email");
    }

    @Test
    void utf16LittleEndianFileWithBomIsDetectedAndDecoded() throws Exception {
        Path file = write(dir, "a.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes("UTF-16LE")));

        assertThat(EncodingDetector.detect(file).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(headers(file)).containsExactly("First Name", "Last Name", "Email");
        assertThat(readAll(file).get(1).fields()).containsExactly("Zoë", "Façade", "z@example.com");
    }

    @Test
    void utf16BigEndianFileWithBomIsDetectedAndDecoded() throws Exception {
        Path file = write(dir, "a.csv", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, bytes("UTF-16BE")));

        assertThat(EncodingDetector.detect(file).charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(readAll(file).get(0).fields()).containsExactly("René", "Müller", "rene@example.com");
    }

    @Test
    void windows1252FileIsDetectedAndDecoded() throws Exception {
        Path file = write(dir, "a.csv", "Name,Note\nRené,costs 5 €\n", EncodingDetector.WINDOWS_1252);

        assertThat(EncodingDetector.detect(file).charset()).isEqualTo(EncodingDetector.WINDOWS_1252);
        assertThat(readAll(file).get(0).fields()).containsExactly("René", "costs 5 €");
    }

    @Test
    void windows1252ByteFarBeyondTheFirstChunkStillDecidesTheEncoding() throws Exception {
        StringBuilder text = new StringBuilder("Name,Note\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Plain Ascii ").append(i).append(",nothing special here\n");
        }
        text.append("René,the only accent\n");
        Path file = write(dir, "a.csv", text.toString(), EncodingDetector.WINDOWS_1252);

        assertThat(EncodingDetector.detect(file).charset()).isEqualTo(EncodingDetector.WINDOWS_1252);
        List<SourceRow> rows = readAll(file);
        assertThat(rows.get(rows.size() - 1).fields()).containsExactly("René", "the only accent");
    }

    @Test
    void multiByteCharacterSplitAcrossReadChunksIsStillValidUtf8() throws Exception {
        String padding = "x".repeat(64 * 1024 - 1);
        Path file = write(dir, "a.csv", "h\n" + padding + "é\n", StandardCharsets.UTF_8);

        assertThat(EncodingDetector.detect(file).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String charset) {
        return TEXT.getBytes(java.nio.charset.Charset.forName(charset));
    }

    private static List<String> headers(Path file) throws Exception {
        try (TabularSource source = TabularSource.open(file, ReadOptions.DEFAULTS)) {
            return source.headers();
        }
    }
}
