package dev.leadport.imports;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads and checks the next chunk of a file while the current one is being written, so parsing and validation
 * (Java) overlap the database's work instead of adding to it. One reader thread per running import, for the
 * import's duration; the file is only ever read by one thread at a time.
 */
final class ChunkPrefetch implements AutoCloseable {

    private final FileRows rows;
    private final int size;
    private final ExecutorService reader;
    private CompletableFuture<List<CheckedRow>> next;

    ChunkPrefetch(FileRows rows, int size, long importId) {
        this.rows = rows;
        this.size = size;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-" + importId + "-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The next chunk (empty at the end), and the read of the one after it started. */
    List<CheckedRow> next() {
        List<CheckedRow> current = next == null ? rows.next(size) : join(next);
        next = current.isEmpty() ? null : CompletableFuture.supplyAsync(() -> rows.next(size), reader);
        return current;
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
