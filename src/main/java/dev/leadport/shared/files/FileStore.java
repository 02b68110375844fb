package dev.leadport.shared.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores files in PostgreSQL in 1 MiB chunks and streams them back, so uploads, error reports and exports are
 * readable from every node and never held whole in memory. Files get a random id; the user's name is only a label.
 */
@Service
public class FileStore {

    static final int CHUNK_SIZE = 1024 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    FileStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Writes a file's content, reporting how many records it wrote. */
    @FunctionalInterface
    public interface ContentWriter {
        long write(OutputStream out) throws IOException;
    }

    /** A file written through {@link #write} and the number of records its writer reported. */
    public record Written(StoredFile file, long records) {}

    /**
     * Has the writer write the file to a temporary file on this node's disk, then stores it: a writer that streams
     * from a database cursor holds no transaction of the store open, and a file that fails half-way is never stored.
     */
    public Written write(String name, String contentType, Long ownerId, Duration retention, ContentWriter writer)
            throws IOException {
        Path temp = Files.createTempFile("leadport-file-", ".tmp");
        try {
            long records;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
                records = writer.write(out);
            }
            try (InputStream in = Files.newInputStream(temp)) {
                return new Written(save(name, contentType, ownerId, in, retention), records);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Streams the content in; the file becomes visible only once completely written. */
    public StoredFile save(String name, String contentType, Long ownerId, InputStream content, Duration retention) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = retention == null ? null : now.plus(retention);
        return tx.execute(status -> {
            jdbc.sql("""
                            insert into stored_file (id, name, content_type, owner_id, created_at, expires_at)
                            values (:id, :name, :type, :owner, :created, :expires)
                            """)
                    .param("id", id)
                    .param("name", sanitise(name))
                    .param("type", contentType == null ? "application/octet-stream" : contentType)
                    .param("owner", ownerId)
                    .param("created", Timestamp.from(now))
                    .param("expires", expires == null ? null : Timestamp.from(expires))
                    .update();
            long size = writeChunks(id, content);
            jdbc.sql("update stored_file set size = :size where id = :id")
                    .param("size", size)
                    .param("id", id)
                    .update();
            return find(id).orElseThrow();
        });
    }

    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("select * from stored_file where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredFile(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("content_type"),
                        rs.getLong("size"),
                        (Long) rs.getObject("owner_id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .optional();
    }

    /** Streams the file's bytes, one chunk in memory at a time. */
    public InputStream open(UUID id) {
        return new ChunkInputStream(id);
    }

    public void delete(UUID id) {
        jdbc.sql("delete from stored_file where id = :id").param("id", id).update();
    }

    /** Deletes files whose retention has passed; returns how many. */
    public int purgeExpired() {
        return jdbc.sql("delete from stored_file where expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Keeps a file name's last path segment and letters, digits, dot, dash, underscore and space. */
    public static String sanitise(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        String clean = last.replaceAll("[^\\p{L}\\p{N}._\\- ]", "_")
                .replaceAll("^[.\\s]+", "")
                .strip();
        if (clean.length() > 200) {
            clean = clean.substring(clean.length() - 200);
        }
        return clean.isEmpty() ? "file" : clean;
    }

    private long writeChunks(UUID id, InputStream content) {
        try {
            long size = 0;
            int seq = 0;
            byte[] buffer = new byte[CHUNK_SIZE];
            while (true) {
                int filled = content.readNBytes(buffer, 0, CHUNK_SIZE);
                if (filled == 0) {
                    return size;
                }
                jdbc.sql("insert into stored_file_chunk (file_id, seq, data) values (:id, :seq, :data)")
                        .param("id", id)
                        .param("seq", seq++)
                        .param("data", filled == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, filled))
                        .update();
                size += filled;
                if (filled < CHUNK_SIZE) {
                    return size;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class ChunkInputStream extends InputStream {

        private final UUID id;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean done;

        ChunkInputStream(UUID id) {
            this.id = id;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() {
            while (!done && pos >= chunk.length) {
                Optional<byte[]> next = jdbc.sql(
                                "select data from stored_file_chunk where file_id = :id and seq = :seq")
                        .param("id", id)
                        .param("seq", nextSeq++)
                        .query(byte[].class)
                        .optional();
                if (next.isEmpty()) {
                    done = true;
                } else {
                    chunk = next.get();
                    pos = 0;
                }
            }
            return pos < chunk.length;
        }
    }
}
