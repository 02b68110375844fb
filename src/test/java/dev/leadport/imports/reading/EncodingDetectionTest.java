package dev.leadport.imports.reading;

import static dev.leadport.imports.reading.Sources.concat;
import static dev.leadport.imports.reading.Sources.readAll;
import static dev.leadport.imports.reading.Sources.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingDetectionTest {

    @TempDir
    Path dir;

    /** A small address list in the script of each encoding, as such files are exported. */
    private static String list(String company, String... names) {
        StringBuilder text = new StringBuilder("Name,Company,Email,Phone\n");
        for (int i = 0; i < 30; i++) {
            text.append(names[i % names.length]).append(',').append(company);
            text.append(",p")
                    .append(i)
                    .append("@example.com,+81 3-1234-56")
                    .append(10 + i)
                    .append('\n');
        }
        return text.toString();
    }

    @ParameterizedTest
    @CsvSource({
        "Shift_JIS, 山田 太郎|佐藤 花子|鈴木 一郎, 株式会社サンプル商事",
        "Big5, 陳志明|林美玲|黃建國, 台灣電子股份有限公司",
        "GB18030, 王伟|李娜|张强, 北京科技有限公司",
        "EUC-KR, 김민준|이서연|박지훈, 서울전자 주식회사",
        "windows-1252, Jürgen Größe|Käthe Müller|Sören Weiß, Bäckerei Groß KG",
        "ISO-8859-2, Łukasz Żółkiewski|Małgorzata Wiśniewska|Paweł Ząbek, Przedsiębiorstwo Łączność Sp. z o.o."
    })
    void legacyEncodingsAreToldApartAndReadWithoutGarbling(String charset, String names, String company)
            throws Exception {
        String[] people = names.split("\\|");
        Path file = write(dir, "a.csv", list(company, people), Charset.forName(charset));

        EncodingDetector.DetectedEncoding detected = EncodingDetector.detect(file);

        assertThat(detected.charset()).isEqualTo(Charset.forName(charset));
        assertThat(readAll(file).get(0).fields().get(0)).isEqualTo(people[0]);
        if (!charset.startsWith("windows") && !charset.startsWith("ISO")) {
            // Latin encodings read each other's bytes as other letters, so on a few names the detector may be unsure.
            assertThat(detected.certain()).isTrue();
        }
    }

    @Test
    void eucJpNamesThatAlsoDecodeAsKoreanAreReadAsJapaneseButFlaggedUnsure() throws Exception {
        Path file = write(dir, "a.csv", list("東京電機工業株式会社", "高橋 美咲", "伊藤 健太", "渡辺 直子"), Charset.forName("EUC-JP"));

        EncodingDetector.DetectedEncoding detected = EncodingDetector.detect(file);

        assertThat(detected.charset()).isEqualTo(Charset.forName("EUC-JP"));
        assertThat(detected.certain()).isFalse();
        assertThat(detected.alternatives()).contains("EUC-KR");
    }

    @Test
    void utf32LittleEndianWithBomIsNotTakenForUtf16() throws Exception {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE, 0, 0};
        Path file = write(
                dir, "a.csv", concat(bom, "Name,Email\nZoë,z@example.com\n".getBytes(Charset.forName("UTF-32LE"))));

        assertThat(EncodingDetector.detect(file))
                .isEqualTo(new EncodingDetector.DetectedEncoding(Charset.forName("UTF-32LE"), 4));
        assertThat(readAll(file).get(0).fields()).containsExactly("Zoë", "z@example.com");
    }

    @ParameterizedTest
    @CsvSource({"UTF-32BE", "UTF-32LE", "UTF-16LE", "UTF-16BE"})
    void unicodeWithoutBomIsFoundByItsZeroBytesAndNotRefusedAsBinary(String charset) throws Exception {
        Path file =
                write(dir, "a.csv", "Name,Email\nZoë,z@example.com\nSøren,s@example.com\n", Charset.forName(charset));

        assertThat(EncodingDetector.detect(file).charset()).isEqualTo(Charset.forName(charset));
        assertThat(readAll(file).get(1).fields()).containsExactly("Søren", "s@example.com");
    }

    @Test
    void anEncodingTheUserChoseIsUsedInsteadOfTheDetectedOne() throws Exception {
        Path file = write(dir, "a.csv", "Name\nRené\n", StandardCharsets.ISO_8859_1);

        List<SourceRow> rows = readAll(file, ReadOptions.DEFAULTS.withEncoding(Charset.forName("ISO-8859-15")));

        assertThat(rows.get(0).fields()).containsExactly("René");
    }

    @Test
    void asciiAndUtf8StayOnTheFastPathsAndAreCertain() throws Exception {
        Path file = write(dir, "a.csv", "Name\nAnn\n", StandardCharsets.US_ASCII);

        assertThat(EncodingDetector.detect(file))
                .isEqualTo(new EncodingDetector.DetectedEncoding(StandardCharsets.UTF_8, 0));
    }
}
