package dev.leadport.imports.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, checks and stages the next chunk of a file while the current one is being merged, so parsing, validation
 * and the staging COPY (Java and a second database session) overlap the merge instead of adding to it. One reader
 * thread per running import, for the import's duration; the file is only ever read by one thread at a time.
 */
public final class ChunkPrefetch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChunkPrefetch.class);

    private final FileRows rows;
    private final int size;
    private final long importId;
    private final Consumer<List<CheckedRow>> stage;
    private final ExecutorService reader;
    private CompletableFuture<List<CheckedRow>> next;

    /** {@code stage} runs on the reader thread for every non-empty chunk, after it is read and checked. */
    public ChunkPrefetch(FileRows rows, int size, long importId, Consumer<List<CheckedRow>> stage) {
        this.rows = rows;
        this.size = size;
        this.importId = importId;
        this.stage = stage;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-" + importId + "-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The next chunk (empty at the end), and the read of the one after it started. */
    public List<CheckedRow> next() {
        List<CheckedRow> current = join(next == null ? CompletableFuture.supplyAsync(this::read, reader) : next);
        next = current.isEmpty() ? null : CompletableFuture.supplyAsync(this::read, reader);
        return current;
    }

    private List<CheckedRow> read() {
        long start = System.nanoTime();
        List<CheckedRow> chunk = rows.next(size);
        long read = System.nanoTime();
        if (!chunk.isEmpty()) {
            stage.accept(chunk);
        }
        log.debug(
                "Import {}: {} rows read and checked in {} ms, staged in {} ms",
                importId,
                chunk.size(),
                (read - start) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
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

    /**
     * Lets a chunk still being read and staged finish first, so nothing is staged after the caller cleans up. Rows
     * staged beyond the checkpoint are removed when the import resumes.
     */
    @Override
    public void close() {
        if (next != null) {
            try {
                next.get(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Import {}: the chunk read ahead was not staged ({})", importId, e.toString());
            }
        }
        reader.shutdownNow();
    }
}
