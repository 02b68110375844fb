package dev.leadport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated corpus files and the expectations are what {@link CorpusGenerator} writes; run with
 * {@code -Dcorpus.write=true} to write them again after changing it.
 */
class CorpusFilesTest {

    @Test
    void theCommittedCorpusIsWhatTheGeneratorWrites() throws IOException {
        if (Boolean.getBoolean("corpus.write")) {
            CorpusGenerator.main(new String[0]);
        }
        Path generated = CorpusGenerator.CORPUS.resolve("generated");
        for (CorpusCase c : CorpusGenerator.cases()) {
            assertThat(Files.readAllBytes(generated.resolve(c.file))).as(c.file).isEqualTo(c.bytes());
        }
        assertThat(Files.exists(CorpusGenerator.CORPUS.resolve("expectations.json")))
                .isTrue();
    }
}
