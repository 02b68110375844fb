package dev.leadport.exports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.support.ApiTestBase;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ExportDisconnectTest extends ApiTestBase {

    @Autowired
    RecordedOperations operations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClientThatDisconnectsStopsTheQueryAndTheServerStaysHealthy() throws Exception {
        user("exgone", "MANAGER");
        String tag = unique("gone");
        // Enough rows (about 10 MB of CSV) that the export is still writing when the client hangs up.
        jdbc.sql("""
                        insert into lead (email, first_name, company, notes, source)
                        select :tag || '-' || g || '@x.io', 'First ' || g, 'Company ' || g, repeat('n', 80), :tag
                        from generate_series(1, 60000) g
                        """).param("tag", tag).update();
        try {
            try (Socket socket = new Socket("localhost", port)) {
                String auth = Base64.getEncoder().encodeToString("exgone:exgone".getBytes(StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/leads/import-export/export?fields=email,firstName,company,notes&source=" + tag
                                + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Basic " + auth + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] some = in.readNBytes(4096);
                assertThat(new String(some, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
            }

            OperationEvent last = awaitFinalExport("exgone");
            assertThat(last.status()).isEqualTo(OperationStatus.CANCELLED);
            assertThat(last.counts().processed()).isLessThan(60000);
            assertThat(last.errorSummary()).contains("stopped after");
            assertThat(activeExportQueries()).isZero();

            List<List<String>> next =
                    ExportApiTest.csv(as("exgone"), "/api/leads/import-export/export?fields=email&source=" + tag);
            assertThat(next).hasSize(60001);
            assertThat(as("exgone").get("/actuator/health").status()).isEqualTo(200);
        } finally {
            jdbc.sql("delete from lead where source = :tag").param("tag", tag).update();
        }
    }

    @Test
    void anExportThatFailsAfterItBeganBreaksOffInsteadOfEndingLikeACompleteFile() throws Exception {
        user("exfail", "MANAGER");
        String tag = unique("fail");
        jdbc.sql("""
                        insert into lead (email, first_name, company, notes, source)
                        select :tag || '-' || g || '@x.io', 'First ' || g, 'Company ' || g, repeat('n', 80), :tag
                        from generate_series(1, 60000) g
                        """).param("tag", tag).update();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String auth = Base64.getEncoder().encodeToString("exfail:exfail".getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/leads/import-export/export?fields=email,firstName,company,notes&source=" + tag
                            + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Basic " + auth + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(4096);
            assertThat(new String(start, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
            // The client reads no further for now, so the COPY is still
            // running; the database then loses it. The fields are named so that the COPY's text stays short enough to
            // be found: pg_stat_activity shows only its first 1,024 bytes, and a default export has a column for every
            // custom field the other tests of this context define.
            long terminated = 0;
            for (int i = 0; i < 100 && terminated == 0; i++) {
                terminated = jdbc.sql("""
                                select count(pg_terminate_backend(pid)) from pg_stat_activity
                                where datname = current_database() and pid <> pg_backend_pid()
                                  and query ilike 'copy (select %from lead l where%'
                                """).query(Long.class).single();
                Thread.sleep(50);
            }
            assertThat(terminated).as("the export's COPY was found and ended").isEqualTo(1);
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            boolean closed;
            try {
                in.transferTo(rest);
                closed = true; // EOF: the server closed the connection
            } catch (java.net.SocketTimeoutException e) {
                closed = false; // the connection stayed open, as after a complete response
            } catch (java.io.IOException e) {
                closed = true; // reset
            }
            String tail = new String(rest.toByteArray(), StandardCharsets.ISO_8859_1);
            assertThat(closed).as("the connection is closed").isTrue();
            assertThat(tail).as("the chunked body has no final chunk").doesNotEndWith("\r\n0\r\n\r\n");
        } finally {
            jdbc.sql("delete from lead where source = :tag").param("tag", tag).update();
        }
        OperationEvent last = awaitFinalExport("exfail");
        assertThat(last.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(as("exfail").get("/actuator/health").status()).isEqualTo(200);
    }

    private OperationEvent awaitFinalExport(String user) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<OperationEvent> events = operations.of(OperationType.EXPORT, user);
            if (!events.isEmpty() && events.get(events.size() - 1).status().isFinal()) {
                return events.get(events.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The export never finished after the client went away");
    }

    private long activeExportQueries() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and state = 'active' and pid <> pg_backend_pid()
                          and query like 'select %from lead l where%'
                        """).query(Long.class).single();
    }
}
