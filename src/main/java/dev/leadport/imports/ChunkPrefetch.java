package dev.leadport.imports;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks the next chunk of a file while the current one is being written, so parsing and validation
 * (Java) overlap the database's work instead of adding to it. One reader thread per running import, for the
 * import's duration; the file is only ever read by one thread at a time.
 */
final class ChunkPrefetch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChunkPrefetch.class);

    private final FileRows rows;
    private final long importId;
    private final int size;
    private final ExecutorService reader;
    private CompletableFuture<List<CheckedRow>> next;

    ChunkPrefetch(FileRows rows, int size, long importId) {
        this.rows = rows;
        this.size = size;
        this.importId = importId;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-" + importId + "-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The next chunk (empty at the end), and the read of the one after it started. */
    List<CheckedRow> next() {
        List<CheckedRow> current = next == null ? read() : join(next);
        next = current.isEmpty() ? null : CompletableFuture.supplyAsync(this::read, reader);
        return current;
    }

    private List<CheckedRow> read() {
        long start = System.nanoTime();
        List<CheckedRow> chunk = rows.next(size);
        log.debug(
                "Import {}: {} rows read and checked in {} ms",
                importId,
                chunk.size(),
                (System.nanoTime() - start) / 1_000_000);
        return chunk;
    }

    private static List<CheckedRow> join(CompletableFuture<List<CheckedRow>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the file", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
