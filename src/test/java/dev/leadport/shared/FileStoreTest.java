package dev.leadport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import dev.leadport.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class FileStoreTest {

    @Autowired
    FileStore files;

    @Test
    void fileLargerThanOneChunkComesBackByteForByte() throws Exception {
        byte[] content = new byte[2 * 1024 * 1024 + 123];
        new Random(1).nextBytes(content);
        StoredFile stored =
                files.save("leads.csv", "text/csv", null, new ByteArrayInputStream(content), Duration.ofDays(1));
        assertThat(stored.size()).isEqualTo(content.length);
        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void emptyFileIsStoredAndReadAsEmpty() throws Exception {
        StoredFile stored = files.save("empty.csv", "text/csv", null, InputStream.nullInputStream(), null);
        assertThat(stored.size()).isZero();
        try (InputStream in = files.open(stored.id())) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void pathTraversalAndControlCharactersAreStrippedFromNames() {
        assertThat(FileStore.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileStore.sanitise("C:\\Users\\me\\leads 2026.csv")).isEqualTo("leads 2026.csv");
        assertThat(FileStore.sanitise("..")).isEqualTo("file");
        assertThat(FileStore.sanitise("a<b>\u0000.csv")).isEqualTo("a_b__.csv");
    }
}
