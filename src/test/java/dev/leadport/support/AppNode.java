package dev.leadport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One Leadport node in its own JVM, started from the test classpath with the test profile (demo users, no demo
 * leads), as a second machine behind a load balancer would run it. Its log goes to {@code target/nodes/NAME.log}.
 */
public final class AppNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node on a free port against the given database; {@code settings} are extra {@code --key=value}s. */
    public static AppNode start(String name, String jdbcUrl, String user, List<String> settings) {
        return start(name, jdbcUrl, user, List.of(), settings);
    }

    /** The same with extra JVM options, such as a quicker-starting JIT for nodes that live a minute. */
    public static AppNode start(
            String name, String jdbcUrl, String user, List<String> jvmOptions, List<String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.leadport.LeadportApplication",
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--db-scheduler.scheduler-name=" + name));
        command.addAll(settings);
        try {
            Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(log.toFile());
            return new AppNode(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node answers its health check. */
    public AppNode awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Api api = new Api(port, null, null);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return this;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + "; see " + log);
    }

    /** A client signed in as a demo or test user whose password equals its name. */
    public Api as(String user) {
        return new Api(port, user, user);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Ends the JVM at once, as {@code kill -9} does: no shutdown hooks, no finished transactions. */
    public boolean alive() {
        return process.isAlive();
    }

    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Stops the node the way an orchestrator does (SIGTERM, then SIGKILL after a grace period). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
