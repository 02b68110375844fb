package dev.leadport.schedules;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.leadport.notifications.MailAndClockTestBase;
import dev.leadport.support.Api;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ScheduledExportTest extends MailAndClockTestBase {

    private static final String SCHEDULES = "/api/leads/import-export/schedules";

    @Autowired
    DataSource dataSource;

    @Autowired
    List<Task<?>> tasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aScheduleFiresAtItsInstantStoresTheFileMailsItAndLogsTheRun() throws Exception {
        String tag = unique("fire");
        String domain = tag + ".example";
        moveClockTo(Instant.parse("2031-03-10T00:00:00Z"));
        createLead(as("rep"), map("email", "a-" + tag + "@example.com", "firstName", "=HYPERLINK(1)", "source", tag));
        createLead(as("rep"), map("email", "b-" + tag + "@example.com", "firstName", "Bea", "source", tag));
        createLead(as("manager"), map("email", "c-" + tag + "@example.com", "firstName", "Not rep's", "source", tag));

        JsonNode schedule = create(as("rep"), tag, daily("06:00"), "Europe/Berlin", List.of("x@" + domain), "CSV");
        long id = schedule.get("id").asLong();
        assertThat(schedule.get("nextRunAt").asString()).isEqualTo("2031-03-10T05:00:00Z");

        moveClockTo(Instant.parse("2031-03-10T04:59:57Z"));
        Thread.sleep(1200);
        assertThat(runs(as("rep"), id)).isEmpty();

        moveClockTo(Instant.parse("2031-03-10T05:00:01Z"));
        JsonNode run = awaitFinishedRun(as("rep"), id);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("scheduledFor").asString()).isEqualTo("2031-03-10T05:00:00Z");
        assertThat(run.get("rows").asLong()).isEqualTo(2);
        assertThat(run.get("delivery").asString()).isEqualTo("ATTACHMENT");
        assertThat(as("rep").get(SCHEDULES + "/" + id).json().get("nextRunAt").asString())
                .isEqualTo("2031-03-11T05:00:00Z");

        Api.Response file =
                as("rep").get(SCHEDULES + "/" + id + "/runs/" + run.get("id").asLong() + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).contains(".csv");
        assertThat(file.body())
                .startsWith("\uFEFFEmail,First name,Status,Owner")
                .contains("a-" + tag + "@example.com,'=HYPERLINK(1),NEW,rep")
                .contains("b-" + tag)
                .doesNotContain("c-" + tag);

        Thread.sleep(3000);
        System.out.println("DEBUG outbox "
                + jdbc.sql("select id, status, attempts, last_error, created_at from mail_outbox")
                        .query()
                        .listOfRows());
        System.out.println("DEBUG tasks "
                + jdbc.sql(
                                "select task_name, task_instance, execution_time, picked, consecutive_failures from scheduled_tasks")
                        .query()
                        .listOfRows());
        await("the mail", Duration.ofSeconds(10), () -> mailsTo(domain).length == 1);
        MimeMessage mail = mailsTo(domain)[0];
        assertThat(mail.getSubject()).isEqualTo("Scheduled export " + tag + ": 2 leads");
        BodyPart attachment = attachment(mail);
        assertThat(attachment.getFileName()).isEqualTo(tag + "-2031-03-10-0600.csv");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(content);
        assertThat(content.toString()).contains("a-" + tag + "@example.com");

        JsonNode activity = as("rep")
                .get("/api/leads/import-export/activity?type=SCHEDULED_EXPORT&q=" + tag)
                .json();
        assertThat(activity.get("total").asLong()).isEqualTo(1);
        assertThat(activity.get("items").get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(activity.get("items").get(0).get("counts").get("total").asLong())
                .isEqualTo(2);
        assertThat(activity.get("items").get(0).get("links").get("download").asString())
                .endsWith("/file");
    }

    @Test
    void aFileOverTheAttachmentLimitIsMailedAsALink() throws Exception {
        String tag = unique("big");
        String domain = tag + ".example";
        moveClockTo(Instant.parse("2031-04-01T00:00:00Z"));
        for (int i = 0; i < 3; i++) {
            createLead(
                    as("manager"),
                    map("email", i + "-" + tag + "@example.com", "source", tag, "notes", "n".repeat(1000)));
        }
        JsonNode schedule = create(
                as("manager"), tag, daily("01:00"), "UTC", List.of("y@" + domain), "XLSX", List.of("email", "notes"));
        long id = schedule.get("id").asLong();
        moveClockTo(Instant.parse("2031-04-01T01:00:01Z"));
        JsonNode run = awaitFinishedRun(as("manager"), id);
        assertThat(run.get("delivery").asString()).isEqualTo("LINK");
        assertThat(run.get("fileName").asString()).endsWith(".xlsx");

        await("the mail", Duration.ofSeconds(10), () -> mailsTo(domain).length == 1);
        MimeMessage mail = mailsTo(domain)[0];
        assertThat(mail.getContent()).isInstanceOf(String.class);
        assertThat((String) mail.getContent())
                .contains("larger than the attachment limit")
                .contains("https://leadport.example.com" + SCHEDULES + "/" + id + "/runs/"
                        + run.get("id").asLong() + "/file");
        Api.Response xlsx = as("manager")
                .get(SCHEDULES + "/" + id + "/runs/" + run.get("id").asLong() + "/file");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.bytes()).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void eachOccurrenceRunsExactlyOnceWithTwoSchedulerInstances() throws Exception {
        String tag = unique("twice");
        String domain = tag + ".example";
        moveClockTo(Instant.parse("2031-05-01T00:00:00Z"));
        createLead(as("manager"), map("email", tag + "@example.com", "source", tag));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(create(as("manager"), tag + "-" + i, daily("08:00"), "UTC", List.of("s" + i + "@" + domain), "CSV")
                    .get("id")
                    .asLong());
        }
        Scheduler secondNode = Scheduler.create(dataSource, tasks)
                .clock(clock::instant)
                .serializer(DbSchedulerConfigurationSupport.SPRING_JAVA_SERIALIZER)
                .schedulerName(new SchedulerName.Fixed("second-node"))
                .pollingInterval(Duration.ofMillis(100))
                .threads(3)
                .build();
        secondNode.start();
        try {
            moveClockTo(Instant.parse("2031-05-01T08:00:01Z"));
            for (long id : ids) {
                awaitFinishedRun(as("manager"), id);
            }
            Thread.sleep(1500);
        } finally {
            secondNode.stop();
        }
        for (long id : ids) {
            JsonNode runs = runs(as("manager"), id);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).get("attempts").asInt()).isEqualTo(1);
            assertThat(runs.get(0).get("status").asString()).isEqualTo("COMPLETED");
        }
        await("all mails", Duration.ofSeconds(10), () -> mailsTo(domain).length == 6);
        Thread.sleep(300);
        assertThat(mailsTo(domain)).hasSize(6);
    }

    @Test
    void aRunMissedWhileAllNodesWereDownRunsOnceAndTheScheduleMovesOn() throws Exception {
        String tag = unique("missed");
        moveClockTo(Instant.parse("2031-06-01T00:00:00Z"));
        long id = create(as("manager"), tag, daily("06:00"), "UTC", List.of(), "CSV")
                .get("id")
                .asLong();

        // Nothing polls between these two instants: four occurrences (1st to 4th, 06:00) pass unseen.
        moveClockTo(Instant.parse("2031-06-04T07:00:00Z"));
        awaitFinishedRun(as("manager"), id);
        Thread.sleep(1500);
        JsonNode runs = runs(as("manager"), id);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("scheduledFor").asString()).isEqualTo("2031-06-01T06:00:00Z");
        assertThat(runs.get(0).get("startedAt").asString()).startsWith("2031-06-04T07:00:0");
        assertThat(as("manager")
                        .get(SCHEDULES + "/" + id)
                        .json()
                        .get("nextRunAt")
                        .asString())
                .isEqualTo("2031-06-05T06:00:00Z");
    }

    @Test
    void daylightSavingChangesNeitherSkipNorDoubleARun() throws Exception {
        String tag = unique("dst");
        // Spring forward, Europe/Berlin 2031-03-30: 02:30 does not exist and runs at 03:30 CEST.
        moveClockTo(Instant.parse("2031-03-29T12:00:00Z"));
        long spring = create(as("manager"), tag + "-spring", daily("02:30"), "Europe/Berlin", List.of(), "CSV")
                .get("id")
                .asLong();
        assertThat(as("manager")
                        .get(SCHEDULES + "/" + spring)
                        .json()
                        .get("nextRunAt")
                        .asString())
                .isEqualTo("2031-03-30T01:30:00Z");
        moveClockTo(Instant.parse("2031-03-30T01:30:01Z"));
        awaitFinishedRun(as("manager"), spring);
        assertThat(as("manager")
                        .get(SCHEDULES + "/" + spring)
                        .json()
                        .get("nextRunAt")
                        .asString())
                .isEqualTo("2031-03-31T00:30:00Z");

        // Fall back, 2031-10-26: 02:30 happens twice and runs at the first.
        moveClockTo(Instant.parse("2031-10-25T12:00:00Z"));
        long fall = create(as("manager"), tag + "-fall", daily("02:30"), "Europe/Berlin", List.of(), "CSV")
                .get("id")
                .asLong();
        assertThat(as("manager")
                        .get(SCHEDULES + "/" + fall)
                        .json()
                        .get("nextRunAt")
                        .asString())
                .isEqualTo("2031-10-26T00:30:00Z");
        moveClockTo(Instant.parse("2031-10-26T00:30:01Z"));
        awaitFinishedRun(as("manager"), fall);
        moveClockTo(Instant.parse("2031-10-26T01:30:01Z"));
        Thread.sleep(1200);
        assertThat(runs(as("manager"), fall)).hasSize(1);
        assertThat(as("manager")
                        .get(SCHEDULES + "/" + fall)
                        .json()
                        .get("nextRunAt")
                        .asString())
                .isEqualTo("2031-10-27T01:30:00Z");
    }

    @Test
    void aFailingRunIsRetriedWithBackoffThenRecordedAsFailedAndTheOwnerIsTold() throws Exception {
        String tag = unique("fail");
        String domain = tag + ".example";
        var owner = as("admin")
                .post("/api/users", map("username", tag, "password", tag, "role", "MANAGER", "email", "o@" + domain));
        assertThat(owner.status()).isEqualTo(201);
        String key = "f" + tag.replace("-", "");
        assertThat(as("admin")
                        .post("/api/custom-fields", map("key", key, "label", "Temp", "type", "TEXT"))
                        .status())
                .isEqualTo(201);
        moveClockTo(Instant.parse("2031-07-01T00:00:00Z"));
        long id = create(as(tag), tag, daily("09:00"), "UTC", List.of(), "CSV", List.of("email", key))
                .get("id")
                .asLong();
        // The field disappears after the schedule was made (a test shortcut: the API has no field deletion).
        jdbc.sql("delete from custom_field where key = :key").param("key", key).update();

        moveClockTo(Instant.parse("2031-07-01T09:00:01Z"));
        await("the first failed attempt", Duration.ofSeconds(10), () -> {
            JsonNode runs = runs(as(tag), id);
            return runs.size() == 1 && runs.get(0).get("status").asString().equals("RETRYING");
        });
        assertThat(runs(as(tag), id).get(0).get("error").asString()).contains("no longer exists");

        advanceClock(Duration.ofSeconds(5));
        JsonNode run = awaitFinishedRun(as(tag), id);
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("attempts").asInt()).isEqualTo(2);
        assertThat(as(tag).get(SCHEDULES + "/" + id).json().get("nextRunAt").asString())
                .isEqualTo("2031-07-02T09:00:00Z");

        JsonNode activity = as(tag).get("/api/leads/import-export/activity?type=SCHEDULED_EXPORT&user=" + tag)
                .json();
        assertThat(activity.get("items").get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(activity.get("items").get(0).get("errorSummary").asString()).contains("no longer exists");
        await("the failure mail", Duration.ofSeconds(10), () -> mailsTo(domain).length == 1);
        assertThat(mailsTo(domain)[0].getSubject()).isEqualTo("Scheduled export of " + tag + " failed");
    }

    @Test
    void aScheduleMayNotRunMoreOftenThanTheMinimumInterval() {
        for (String cron : List.of("* * * * * *", "0 */30 * * * *", "0 0,30 9 * * *", "*/5 * * * *")) {
            Api.Response r = as("manager")
                    .post(
                            SCHEDULES,
                            map(
                                    "name", "often",
                                    "fields", List.of("email"),
                                    "recurrence", map("type", "CRON", "cron", cron)));
            assertThat(r.status()).as("%s: %s", cron, r.body()).isEqualTo(400);
            assertThat(r.body()).as(cron).contains("recurrence").contains("at most once every hour");
        }
        Api.Response hourly = as("manager")
                .post(
                        SCHEDULES,
                        map(
                                "name", unique("hourly"),
                                "fields", List.of("email"),
                                "recurrence", map("type", "CRON", "cron", "0 7 * * * *")));
        assertThat(hourly.status()).as(hourly.body()).isEqualTo(201);
        as("manager").delete(SCHEDULES + "/" + hourly.json().get("id").asLong());
    }

    @Test
    void aRepMailsScheduledExportsOnlyToTheirOwnAddressOrTheOrganisationsDomains() {
        String own = as("rep").get("/api/users/me").json().get("email").asString();
        Api.Response elsewhere = as("rep")
                .post(
                        SCHEDULES,
                        map(
                                "name", unique("leak"),
                                "fields", List.of("email"),
                                "recurrence", map("type", "DAILY", "time", "06:00"),
                                "recipients", List.of(own, "anyone@elsewhere.test")));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(400);
        assertThat(elsewhere.json().get("errors").findValuesAsString("field")).containsExactly("recipients[1]");
        Api.Response self = as("rep")
                .post(
                        SCHEDULES,
                        map(
                                "name", unique("mine"),
                                "fields", List.of("email"),
                                "recurrence", map("type", "DAILY", "time", "06:00"),
                                "recipients", List.of(own.toUpperCase(java.util.Locale.ROOT))));
        assertThat(self.status()).as(self.body()).isEqualTo(201);
        Api.Response managers = as("manager")
                .post(
                        SCHEDULES,
                        map(
                                "name", unique("anywhere"),
                                "fields", List.of("email"),
                                "recurrence", map("type", "DAILY", "time", "06:00"),
                                "recipients", List.of("anyone@elsewhere.test")));
        assertThat(managers.status()).as(managers.body()).isEqualTo(201);
        as("rep").delete(SCHEDULES + "/" + self.json().get("id").asLong());
        as("manager").delete(SCHEDULES + "/" + managers.json().get("id").asLong());
    }

    @Test
    void badSchedulesAreRefusedNamingEachField() {
        Api.Response r = as("rep")
                .post(
                        SCHEDULES,
                        map(
                                "name",
                                " ",
                                "fields",
                                List.of("email", "shoeSize"),
                                "format",
                                "PDF",
                                "timeZone",
                                "Mars/Olympus",
                                "recurrence",
                                map("type", "WEEKLY", "time", "07:00", "days", List.of("FUNDAY")),
                                "recipients",
                                List.of("not-an-address")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "name",
                        "fields[1]",
                        "format",
                        "timeZone",
                        "recurrence.days[0]",
                        "recurrence.days",
                        "recipients[0]");
        Api.Response cron = as("rep")
                .post(
                        SCHEDULES,
                        map(
                                "name",
                                "x",
                                "fields",
                                List.of("email"),
                                "recurrence",
                                map("type", "CRON", "cron", "61 * * * *")));
        assertThat(cron.status()).isEqualTo(400);
        assertThat(cron.body()).contains("recurrence.cron");
    }

    @Test
    void repsManageOnlyTheirOwnSchedulesAndPausedOnesDoNotRun() throws Exception {
        String tag = unique("own");
        user(tag, "REP");
        moveClockTo(Instant.parse("2031-08-01T00:00:00Z"));
        long id = create(as(tag), tag, daily("10:00"), "UTC", List.of(), "CSV")
                .get("id")
                .asLong();
        assertThat(as("rep").get(SCHEDULES + "/" + id).status()).isEqualTo(404);
        assertThat(as("rep").get(SCHEDULES).body()).doesNotContain(tag);
        assertThat(as("manager").get(SCHEDULES).body()).contains(tag);

        JsonNode paused = as(tag).post(SCHEDULES + "/" + id + "/pause", null).json();
        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(paused.get("nextRunAt").isNull()).isTrue();
        moveClockTo(Instant.parse("2031-08-03T12:00:00Z"));
        Thread.sleep(1200);
        assertThat(runs(as(tag), id)).isEmpty();

        JsonNode resumed = as(tag).post(SCHEDULES + "/" + id + "/resume", null).json();
        assertThat(resumed.get("nextRunAt").asString()).isEqualTo("2031-08-04T10:00:00Z");
        JsonNode changed = as(tag).put(
                        SCHEDULES + "/" + id,
                        map(
                                "name",
                                tag,
                                "fields",
                                List.of("email"),
                                "format",
                                "CSV",
                                "timeZone",
                                "UTC",
                                "recurrence",
                                map("type", "MONTHLY", "time", "10:00", "dayOfMonth", 31)))
                .json();
        assertThat(changed.get("nextRunAt").asString()).isEqualTo("2031-08-31T10:00:00Z");

        assertThat(as(tag).delete(SCHEDULES + "/" + id).status()).isEqualTo(204);
        assertThat(as(tag).get(SCHEDULES + "/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql(
                                "select count(*) from scheduled_tasks where task_name = 'scheduled-export' and task_instance = :id")
                        .param("id", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private JsonNode create(
            Api api, String name, Map<String, Object> recurrence, String zone, List<String> recipients, String format) {
        return create(
                api, name, recurrence, zone, recipients, format, List.of("email", "firstName", "status", "owner"));
    }

    private JsonNode create(
            Api api,
            String name,
            Map<String, Object> recurrence,
            String zone,
            List<String> recipients,
            String format,
            List<String> fields) {
        Api.Response r = api.post(
                SCHEDULES,
                map(
                        "name", name,
                        "filter", map("source", name.replaceAll("-\\d$", "").replaceAll("-(spring|fall)$", "")),
                        "fields", fields,
                        "format", format,
                        "recurrence", recurrence,
                        "timeZone", zone,
                        "recipients", recipients));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static Map<String, Object> daily(String time) {
        return map("type", "DAILY", "time", time);
    }

    private JsonNode runs(Api api, long id) {
        Api.Response r = api.get(SCHEDULES + "/" + id + "/runs");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode awaitFinishedRun(Api api, long id) {
        await("a finished run of schedule " + id, Duration.ofSeconds(15), () -> {
            JsonNode runs = runs(api, id);
            return runs.size() > 0
                    && (runs.get(0).get("status").asString().equals("COMPLETED")
                            || runs.get(0).get("status").asString().equals("FAILED"));
        });
        return runs(api, id).get(0);
    }

    private static BodyPart attachment(MimeMessage mail) throws Exception {
        Multipart multipart = (Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                return part;
            }
        }
        throw new AssertionError("The mail has no attachment");
    }
}
