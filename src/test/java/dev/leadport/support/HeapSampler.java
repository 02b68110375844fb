package dev.leadport.support;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a running node's heap through its actuator, on a thread of its own, until closed: the peak of heap in use
 * (all heap pools, garbage included) and of live data after the last full collection.
 */
public final class HeapSampler implements AutoCloseable {

    private final Api api;
    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;

    private HeapSampler(Api api, long intervalMillis) {
        this.api = api;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::run, "heap-sampler");
    }

    /** Starts sampling through {@code api} (a user allowed to read metrics) every {@code intervalMillis}. */
    public static HeapSampler start(Api api, long intervalMillis) {
        HeapSampler sampler = new HeapSampler(api, intervalMillis);
        sampler.thread.start();
        return sampler;
    }

    public long peakBytes() {
        return peak.get();
    }

    public long liveBytes() {
        return live.get();
    }

    public long samples() {
        return samples.get();
    }

    /** Stops sampling and waits for the sampling thread. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running.get()) {
            try {
                long used = metric("jvm.memory.used?tag=area:heap");
                if (used >= 0) {
                    peak.accumulateAndGet(used, Math::max);
                    samples.incrementAndGet();
                }
                live.accumulateAndGet(metric("jvm.gc.live.data.size"), Math::max);
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a sample lost while the node is busy; the next one counts
            }
        }
    }

    /** The metric's first measurement, or -1 when the node did not answer it. */
    private long metric(String path) {
        Api.Response response = api.get("/actuator/metrics/" + path);
        if (response.status() != 200) {
            return -1;
        }
        return (long) response.json().get("measurements").get(0).get("value").asDouble();
    }
}
