package dev.leadport.imports;

import dev.leadport.users.CurrentUser;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events with an import's progress until it ends. The state is read from PostgreSQL each time, so the
 * stream works whichever node runs the import.
 */
@Component
class ImportProgress implements AutoCloseable {

    private final ImportService imports;
    private final ImportsProperties properties;
    private final ThreadPoolTaskScheduler ticker = new ThreadPoolTaskScheduler();

    ImportProgress(ImportService imports, ImportsProperties properties) {
        this.imports = imports;
        this.properties = properties;
        ticker.setPoolSize(2);
        ticker.setThreadNamePrefix("import-progress-");
        ticker.setDaemon(true);
        ticker.initialize();
    }

    SseEmitter follow(long importId, CurrentUser user) {
        SseEmitter emitter = new SseEmitter(properties.progressTimeout().toMillis());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> f = task.get();
            if (f != null) {
                f.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        task.set(ticker.scheduleAtFixedRate(
                () -> {
                    try {
                        ImportJobView job = imports.get(importId, user);
                        boolean done = job.status().isFinal();
                        emitter.send(SseEmitter.event()
                                .name(done ? "done" : "progress")
                                .id(String.valueOf(job.processedRows()))
                                .data(job));
                        if (done) {
                            stop.run();
                            emitter.complete();
                        }
                    } catch (IOException | RuntimeException e) {
                        stop.run();
                        emitter.completeWithError(e);
                    }
                },
                properties.progressInterval()));
        return emitter;
    }

    @Override
    public void close() {
        ticker.shutdown();
    }
}
