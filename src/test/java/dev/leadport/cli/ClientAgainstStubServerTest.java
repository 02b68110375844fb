package dev.leadport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.leadport.cli.ArgumentsTest.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client does with answers the real server seldom gives: a download that breaks off, an import job that
 * fails in the job engine, an error page that is not problem+json. A stub server in the test JVM gives them.
 */
class ClientAgainstStubServerTest {

    @TempDir
    Path dir;

    private HttpServer stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    private Run cli(int port, String... args) {
        return ArgumentsTest.run(Map.of("LEADPORT_TOKEN", "lp_stub", "LEADPORT_URL", "http://127.0.0.1:" + port), args);
    }

    /** A server on a raw socket that sends the head and part of a body, then hangs up. */
    private static int breakingOff(String head, String partOfBody) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread serving = new Thread(() -> {
            try (socket;
                    Socket client = socket.accept()) {
                client.getInputStream().read(new byte[8192]);
                OutputStream out = client.getOutputStream();
                out.write((head + "\r\n\r\n" + partOfBody).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the test sees what the client made of it
            }
        });
        serving.setDaemon(true);
        serving.start();
        return socket.getLocalPort();
    }

    @Test
    void anExportWhoseBodyBreaksOffLeavesNoFileNotEvenAPartOne() throws IOException {
        Path out = dir.resolve("leads.csv");
        int shortBody =
                breakingOff("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 1000", "id,email\r\n");
        int brokenChunks = breakingOff(
                "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked", "a\r\nid,email\r\n\r\n");

        Run first = cli(shortBody, "export", "--out", out.toString());
        Run second = cli(brokenChunks, "export", "--out", out.toString());

        assertThat(first.exit()).isEqualTo(3);
        assertThat(first.err())
                .startsWith("leadport: the download of ")
                .contains("broke off")
                .hasLineCount(1);
        assertThat(second.exit()).isEqualTo(3);
        assertThat(second.err())
                .contains("broke off")
                .endsWith(out + " was not written\n")
                .hasLineCount(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anErrorPageThatIsNotProblemJsonIsStillOneLine() throws IOException {
        int port = breakingOff(
                "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 31\r\nConnection: close",
                "<html><body>\n<h1>502</h1>\n</body></html>".substring(0, 31));

        Run run = cli(port, "jobs");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("leadport: HTTP 502 Bad Gateway\n");
    }

    @Test
    void anImportJobThatFailsExitsOneWithItsReasonAndAServerWithoutSuccessFilesSaysSo() throws IOException {
        Map<String, String> answers = new ConcurrentHashMap<>();
        answers.put(
                "POST /api/leads/import-export/import",
                "202 {\"id\": 5, \"status\": \"QUEUED\", \"processedRows\": 0}");
        answers.put(
                "GET /api/leads/import-export/imports/5",
                "200 {\"id\": 5, \"status\": \"FAILED\", \"processedRows\": 20000, \"totalRows\": 50000,"
                        + " \"created\": 20000, \"failed\": 0, \"errorMessage\": \"The database stayed away\\nfor 8 retries.\"}");
        answers.put("GET /api/leads/import-export/imports/5/errors", "200 Email,row_number,severity\r\n");
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> answer(exchange, answers));
        stub.start();
        Path input = dir.resolve("big.csv");
        Files.writeString(input, "email\na@x.io\n");

        Run run = cli(stub.getAddress().getPort(), "import", input.toString(), "--wait", "--poll-ms", "10");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("import 5: FAILED (20000 of 50000 rows; created 20000, updated 0, skipped 0, failed 0)")
                .contains("No success file: this server has none (HTTP 404 Not Found: There is nothing at")
                .contains("Failed rows and warnings: " + dir.resolve("big.csv.errors.csv"));
        assertThat(run.err()).isEqualTo("leadport: import 5 failed: The database stayed away for 8 retries.\n");
        assertThat(dir.resolve("big.csv.errors.csv")).content().isEqualTo("Email,row_number,severity\r\n");
        assertThat(dir.resolve("big.csv.success.csv")).doesNotExist();
    }

    @Test
    void aBulkOperationRunAsAJobIsFollowedUntilItEndsAndItsFailureExitsOne() throws IOException {
        Map<String, String> answers = new ConcurrentHashMap<>();
        answers.put(
                "POST /api/leads/bulk/update",
                "202 {\"operationId\": 9, \"status\": \"QUEUED\", \"processed\": 0,"
                        + " \"totals\": {\"requested\": 20000, \"pending\": 20000}}");
        answers.put(
                "GET /api/leads/bulk/9",
                "200 {\"operationId\": 9, \"status\": \"RUNNING\", \"processed\": 5000,"
                        + " \"totals\": {\"requested\": 20000, \"updated\": 5000, \"pending\": 15000}}"
                        + "|200 {\"operationId\": 9, \"status\": \"FAILED\", \"processed\": 5000,"
                        + " \"error\": \"The database stayed away.\","
                        + " \"totals\": {\"requested\": 20000, \"updated\": 5000, \"pending\": 15000}}");
        answers.put("GET /api/leads/bulk/9/results.csv", "200 id,result,message\r\n1,UPDATED,\r\n");
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> answer(exchange, answers));
        stub.start();
        Path ids = dir.resolve("ids.txt");
        Files.writeString(ids, "1\n2\n");

        Run run = cli(
                stub.getAddress().getPort(),
                "bulk",
                "update",
                "--ids",
                ids.toString(),
                "--status",
                "LOST",
                "--poll-ms",
                "10");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("bulk update 9: QUEUED (0 of 20000 ids; pending 20000)\n")
                .contains("bulk update 9: RUNNING (5000 of 20000 ids; updated 5000; pending 15000)\n")
                .contains("bulk update 9: FAILED (5000 of 20000 ids; updated 5000; pending 15000)\n")
                .contains("Results per id: " + dir.resolve("ids.txt.results.csv"));
        assertThat(run.err()).isEqualTo("leadport: bulk update 9 failed: The database stayed away.\n");
        assertThat(dir.resolve("ids.txt.results.csv")).content().startsWith("id,result,message");
    }

    /** Answers by method and path; several answers separated by | are given in turn, the last one from then on. */
    private static void answer(HttpExchange exchange, Map<String, String> answers) throws IOException {
        String key =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        String queued = answers.get(key);
        if (queued != null && queued.contains("|")) {
            answers.put(key, queued.substring(queued.indexOf('|') + 1));
            queued = queued.substring(0, queued.indexOf('|'));
        }
        String answer = queued != null
                ? queued
                : answers.getOrDefault(
                        key,
                        "404 {\"title\": \"Not found\", \"status\": 404, \"detail\": \"There is nothing at "
                                + exchange.getRequestURI().getPath() + ".\"}");
        int status = Integer.parseInt(answer.substring(0, 3));
        byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
        boolean json = answer.charAt(4) == '{';
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        status >= 400 ? "application/problem+json" : json ? "application/json" : "text/csv");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
