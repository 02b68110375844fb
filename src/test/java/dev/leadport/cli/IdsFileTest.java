package dev.leadport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ids file of a bulk command: plain lines or the id column of a CSV. */
class IdsFileTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("ids.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void oneIdPerLineSkipsBlankLinesAndKeepsBadIdsForTheServerToReport() throws CliFailure, IOException {
        assertThat(IdsFile.read(file("12\r\n\n 13 \nabc\n14"))).containsExactly("12", "13", "abc", "14");
    }

    @Test
    void aCsvWithAHeaderGivesItsIdColumnWhereverItIs() throws CliFailure, IOException {
        assertThat(IdsFile.read(file("\uFEFF\"Email\",\"ID\"\n\"a,b@x.io\",7\nc@x.io,8\n")))
                .containsExactly("7", "8");
        assertThat(IdsFile.read(file("id\n7\n8\n"))).containsExactly("7", "8");
    }

    @Test
    void aCsvWithoutAnIdColumnOrAFileWithoutIdsIsAUsageError() throws IOException {
        Path noId = file("email,name\na@x.io,A\n");
        assertThatThrownBy(() -> IdsFile.read(noId))
                .hasMessageContaining("has no column named id (its header is email,name)")
                .extracting(e -> ((CliFailure) e).exitCode())
                .isEqualTo(CliFailure.USAGE);
        Path empty = file("\n\n");
        assertThatThrownBy(() -> IdsFile.read(empty)).hasMessageContaining("holds no ids");
        Path headerOnly = file("id\n");
        assertThatThrownBy(() -> IdsFile.read(headerOnly)).hasMessageContaining("holds no ids");
        assertThatThrownBy(() -> IdsFile.read(dir.resolve("missing.txt"))).hasMessageContaining("cannot read");
    }
}
