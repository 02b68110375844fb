package dev.leadport.imports.pipeline;

import dev.leadport.imports.reading.SourceRow;
import dev.leadport.imports.reading.TabularSource;
import dev.leadport.imports.reading.UnreadableFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Counts a file's data rows (blank rows left out) on a thread of its own while the import already works through the
 * first chunks, so the count that progress needs is no longer a full pass over the file before any row lands.
 */
public final class RowCounter implements AutoCloseable {

    private final ExecutorService counter;
    private final CompletableFuture<Long> total;

    private RowCounter(ExecutorService counter, CompletableFuture<Long> total) {
        this.counter = counter;
        this.total = total;
    }

    /** Starts counting; {@code onCounted} receives the total on the counting thread. */
    public static RowCounter start(Path file, ImportSettings settings, long importId, LongConsumer onCounted) {
        ExecutorService counter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-" + importId + "-counter");
            t.setDaemon(true);
            return t;
        });
        return new RowCounter(
                counter,
                CompletableFuture.supplyAsync(
                        () -> {
                            long rows = count(file, settings);
                            onCounted.accept(rows);
                            return rows;
                        },
                        counter));
    }

    /** A count an earlier run of the import made already. */
    public static RowCounter known(long total) {
        return new RowCounter(null, CompletableFuture.completedFuture(total));
    }

    /** Waits for the count, so a finished import never shows an unknown total. */
    public long await() throws IOException, UnreadableFileException {
        try {
            return total.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the file's rows", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CountFailed failed) {
                if (failed.getCause() instanceof UnreadableFileException unreadable) {
                    throw unreadable;
                }
                throw (IOException) failed.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static long count(Path file, ImportSettings settings) {
        long count = 0;
        try (TabularSource source = TabularSource.open(file, settings.readOptions())) {
            for (Iterator<SourceRow> it = source.iterator(); it.hasNext(); it.next()) {
                if (++count % 10_000 == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("the import stopped before its rows were counted");
                }
            }
        } catch (IOException | UnreadableFileException e) {
            throw new CountFailed(e);
        }
        return count;
    }

    /** Stops a count still running and waits for its thread, so the file can be removed safely afterwards. */
    @Override
    public void close() {
        if (counter == null) {
            return;
        }
        counter.shutdownNow();
        try {
            counter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a checked reading failure out of the counting thread. */
    private static final class CountFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CountFailed(Exception cause) {
            super(cause);
        }
    }
}
