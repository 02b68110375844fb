package dev.leadport.schedules;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Scheduled exports delivered to an SFTP server that this test runs in its own JVM (Apache MINA SSHD). */
class ScheduledSftpDeliveryTest extends DestinationTestBase {

    private static final String PASSWORD = "sftp-pass-7f3a";
    private static SshServer server;
    private static Path root;
    private static KeyPair clientKey;
    private static String hostFingerprint;
    private static final List<String> written = new CopyOnWriteArrayList<>();
    private static final List<String> moves = new CopyOnWriteArrayList<>();

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSftpServer() throws Exception {
        root = Files.createTempDirectory("leadport-sftp-");
        KeyPair hostKey = ecKey();
        clientKey = ecKey();
        hostFingerprint = KeyUtils.getFingerPrint(hostKey.getPublic());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> user.equals("drop") && password.equals(PASSWORD));
        server.setPublickeyAuthenticator(
                (user, key, session) -> user.equals("drop") && KeyUtils.compareKeys(key, clientKey.getPublic()));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void written(
                    ServerSession session,
                    String remoteHandle,
                    FileHandle localHandle,
                    long offset,
                    byte[] data,
                    int dataOffset,
                    int dataLen,
                    Throwable thrown) {
                written.add(localHandle.getFile().toString()); // a path of the virtual file system: /incoming/...
            }

            @Override
            public void moved(
                    ServerSession session, Path src, Path dst, Collection<CopyOption> opts, Throwable thrown) {
                moves.add(src + " -> " + dst);
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
    }

    @AfterAll
    static void stopSftpServer() throws IOException {
        server.stop(true);
    }

    @Test
    void aScheduleUploadsItsFileByPasswordUnderATemporaryNameThenRenamesItAndNeverShowsThePassword() throws Exception {
        String tag = unique("sftp");
        Files.createDirectories(root.resolve("incoming"));
        moveClockTo(Instant.parse("2032-01-10T00:00:00Z"));
        createLead(as("manager"), map("email", "a-" + tag + "@example.com", "firstName", "Ada", "source", tag));
        createLead(as("manager"), map("email", "b-" + tag + "@example.com", "firstName", "Bo", "source", tag));

        Api.Response create = schedule(as("manager"), tag, "06:00", sftp("incoming", PASSWORD, null));
        long id = created(create);
        assertThat(create.body()).doesNotContain(PASSWORD);
        JsonNode destination = create.json().get("destination");
        assertThat(destination.get("type").asString()).isEqualTo("SFTP");
        assertThat(destination.get("passwordSet").asBoolean()).isTrue();
        assertThat(destination.get("privateKeySet").asBoolean()).isFalse();
        assertThat(destination.get("hostKey").asString()).isEqualTo(hostFingerprint);
        assertThat(destination.has("password")).isFalse();
        assertThat(as("manager").get(SCHEDULES + "/" + id).body()).doesNotContain(PASSWORD);
        assertThat(as("manager").get(SCHEDULES).body()).doesNotContain(PASSWORD);

        moveClockTo(Instant.parse("2032-01-10T06:00:01Z"));
        JsonNode run = awaitFinishedRun(as("manager"), id);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.get("delivery").asString()).isEqualTo("SFTP");
        assertThat(run.get("deliveredTo").asString())
                .isEqualTo("sftp://drop@127.0.0.1:" + server.getPort() + "/~/incoming");
        String name = tag + "-2032-01-10-0600.csv";
        Path file = root.resolve("incoming").resolve(name);
        assertThat(file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("a-" + tag + "@example.com,Ada")
                .contains("b-" + tag + "@example.com,Bo");
        assertThat(written).contains("/incoming/." + name + ".part").doesNotContain("/incoming/" + name);
        assertThat(moves).contains("/incoming/." + name + ".part -> /incoming/" + name);
        try (var listing = Files.list(root.resolve("incoming"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).doesNotContain("." + name + ".part");
        }
        // Stored for the next run, not shown: the secret is in its own column.
        assertThat(jdbc.sql("select destination_secrets ->> 'password' from export_schedule where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(PASSWORD);
        assertThat(jdbc.sql("select destination::text from export_schedule where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .doesNotContain(PASSWORD);
    }

    @Test
    void aScheduleUploadsWithAnOpenSshPrivateKeyAndAChangeKeepsTheStoredKeyForTheSameServer() throws Exception {
        String tag = unique("sftpkey");
        moveClockTo(Instant.parse("2032-02-10T00:00:00Z"));
        createLead(as("manager"), map("email", tag + "@example.com", "firstName", "Key", "source", tag));
        String key = openSsh(clientKey);
        Api.Response create = schedule(as("manager"), tag, "07:00", sftp(".", null, key));
        long id = created(create);
        assertThat(create.body()).doesNotContain("PRIVATE KEY");
        assertThat(create.json().get("destination").get("privateKeySet").asBoolean())
                .isTrue();

        // A change that leaves the key out keeps it; the same change pointed at another server needs it again.
        Map<String, Object> keptKey = sftp(".", null, null);
        Api.Response changed = as("manager")
                .put(
                        SCHEDULES + "/" + id,
                        map(
                                "name", tag,
                                "filter", map("source", tag),
                                "fields", List.of("email", "firstName"),
                                "recurrence", map("type", "DAILY", "time", "08:00"),
                                "destination", keptKey));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("destination").get("privateKeySet").asBoolean())
                .isTrue();
        Map<String, Object> elsewhere = sftp(".", null, null);
        elsewhere.put("host", "localhost");
        Api.Response moved = as("manager")
                .put(
                        SCHEDULES + "/" + id,
                        map(
                                "name", tag,
                                "filter", map("source", tag),
                                "fields", List.of("email"),
                                "recurrence", map("type", "DAILY", "time", "08:00"),
                                "destination", elsewhere));
        assertThat(moved.status()).as(moved.body()).isEqualTo(400);
        assertThat(moved.json().get("errors").findValuesAsString("field")).containsExactly("destination.password");

        moveClockTo(Instant.parse("2032-02-10T08:00:01Z"));
        JsonNode run = awaitFinishedRun(as("manager"), id);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(Files.readString(root.resolve(tag + "-2032-02-10-0800.csv"))).contains(tag + "@example.com,Key");
    }

    @Test
    void aWrongPasswordIsRetriedThenRecordedAsAFailedRunAndTheOwnerIsTold() throws Exception {
        String tag = unique("sftpfail");
        String domain = tag + ".example";
        assertThat(as("admin")
                        .post(
                                "/api/users",
                                map("username", tag, "password", tag, "role", "MANAGER", "email", "o@" + domain))
                        .status())
                .isEqualTo(201);
        moveClockTo(Instant.parse("2032-03-10T00:00:00Z"));
        long id = created(schedule(as(tag), tag, "09:00", sftp(".", "not-the-password", null)));

        moveClockTo(Instant.parse("2032-03-10T09:00:01Z"));
        JsonNode retrying = awaitRunStatus(as(tag), id, "RETRYING");
        assertThat(retrying.get("error").asString()).contains("refused the password or key");
        advanceClock(Duration.ofSeconds(5));
        JsonNode run = awaitFinishedRun(as(tag), id);
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("attempts").asInt()).isEqualTo(2);
        assertThat(run.get("error").asString())
                .contains("sftp://drop@127.0.0.1")
                .doesNotContain("not-the-password");

        JsonNode activity = as(tag).get("/api/leads/import-export/activity?type=SCHEDULED_EXPORT&user=" + tag)
                .json();
        assertThat(activity.get("items").get(0).get("status").asString()).isEqualTo("FAILED");
        await("the failure mail", Duration.ofSeconds(10), () -> mailsTo(domain).length == 1);
        assertThat(mailsTo(domain)[0].getSubject()).isEqualTo("Scheduled export of " + tag + " failed");
    }

    @Test
    void aServerThatIsDownIsRetriedThenRecordedAsAFailedRun() throws Exception {
        String tag = unique("sftpdown");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens here once the socket is closed
        }
        moveClockTo(Instant.parse("2032-04-20T00:00:00Z"));
        Map<String, Object> destination = sftp(".", PASSWORD, null);
        destination.put("port", closed);
        long id = created(schedule(as("manager"), tag, "09:00", destination));
        moveClockTo(Instant.parse("2032-04-20T09:00:01Z"));
        awaitRunStatus(as("manager"), id, "RETRYING");
        advanceClock(Duration.ofSeconds(5));
        JsonNode run = awaitFinishedRun(as("manager"), id);
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("attempts").asInt()).isEqualTo(2);
        assertThat(run.get("error").asString()).contains("SFTP upload to sftp://drop@127.0.0.1:" + closed);
    }

    @Test
    void aServerShowingAnotherHostKeyIsRefused() throws Exception {
        String tag = unique("sftphost");
        moveClockTo(Instant.parse("2032-04-10T00:00:00Z"));
        Map<String, Object> destination = sftp(".", PASSWORD, null);
        destination.put("hostKey", KeyUtils.getFingerPrint(ecKey().getPublic()));
        long id = created(schedule(as("manager"), tag, "09:00", destination));
        moveClockTo(Instant.parse("2032-04-10T09:00:01Z"));
        JsonNode retrying = awaitRunStatus(as("manager"), id, "RETRYING");
        assertThat(retrying.get("error").asString()).contains("SFTP upload");
        try (var listing = Files.list(root)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(tag));
        }
        as("manager").delete(SCHEDULES + "/" + id);
    }

    @Test
    void badSftpDestinationsAreRefusedNamingEachFieldAndRepsMayNotUseThem() {
        Api.Response bad = schedule(
                as("manager"),
                unique("sftpbad"),
                "06:00",
                map("type", "SFTP", "host", "", "port", 70000, "privateKey", "not a key", "hostKey", "SHA256:nope"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "destination.host",
                        "destination.port",
                        "destination.username",
                        "destination.hostKey",
                        "destination.privateKey");
        Api.Response noHostKey = schedule(
                as("manager"),
                unique("sftpnokey"),
                "06:00",
                map("type", "SFTP", "host", "127.0.0.1", "username", "drop", "password", "x"));
        assertThat(noHostKey.status()).isEqualTo(400);
        assertThat(noHostKey.json().get("errors").findValuesAsString("field")).containsExactly("destination.hostKey");
        Api.Response unknownType = schedule(as("manager"), unique("ftp"), "06:00", map("type", "FTP"));
        assertThat(unknownType.json().get("errors").findValuesAsString("field")).containsExactly("destination.type");

        Api.Response rep = schedule(as("rep"), unique("sftprep"), "06:00", sftp(".", PASSWORD, null));
        assertThat(rep.status()).as(rep.body()).isEqualTo(400);
        assertThat(rep.json().get("errors").findValuesAsString("field")).containsExactly("destination.host");
        assertThat(rep.body()).doesNotContain(PASSWORD);
    }

    private static Map<String, Object> sftp(String folder, String password, String privateKey) {
        return map(
                "type",
                "SFTP",
                "host",
                "127.0.0.1",
                "port",
                server.getPort(),
                "username",
                "drop",
                "password",
                password,
                "privateKey",
                privateKey,
                "folder",
                folder,
                "hostKey",
                hostFingerprint);
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static String openSsh(KeyPair pair) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", null, out);
        String text = out.toString(StandardCharsets.US_ASCII);
        assertThat(text).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        return text;
    }
}
