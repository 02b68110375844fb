package dev.leadport.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.shared.InvalidInputException.FieldProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The destination rules with the shipped settings: https only, and no address inside Leadport's network. */
class DestinationRulesTest {

    private final DestinationRules rules = new DestinationRules(new SchedulesProperties(
            Duration.ofDays(30),
            DataSize.ofMegabytes(5),
            4,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            20,
            List.of(),
            List.of(),
            false,
            false,
            Duration.ofSeconds(20),
            Duration.ofMinutes(10)));

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThat(problems(https("http://203.0.113.5/upload")))
                .containsExactly(new FieldProblem("destination.url", "must start with https://"));
        assertThat(problems(https("https://203.0.113.5/upload/{file}?sig=x"))).isEmpty();
    }

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefusedForBothKinds() {
        for (String host : List.of("127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "[::1]", "100.64.0.1")) {
            assertThat(problems(https("https://" + host + "/x")))
                    .as(host)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("internal address"));
            assertThat(problems(sftp(host))).as(host).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("destination.host");
                assertThat(p.message()).contains("internal address");
            });
        }
    }

    @Test
    void aKnownHostsLineIsStoredAsItsFingerprint() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var key = generator.generateKeyPair().getPublic();
        var out = new java.io.ByteArrayOutputStream();
        org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(
                key, "c", out);
        String line = "sftp.example.com "
                + out.toString(java.nio.charset.StandardCharsets.US_ASCII).strip();
        List<FieldProblem> problems = new ArrayList<>();
        DestinationRules.Checked checked = rules.check(sftpRequest("203.0.113.5", line), null, problems);
        assertThat(problems).isEmpty();
        assertThat(checked.destination().hostKey()).isEqualTo(SftpUploader.fingerprint(key));
    }

    @Test
    void pemAndOpenSshPrivateKeysLoadAndAnythingElseIsNamed() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThat(SftpUploader.keyProblem(pem, null)).isNull();
        var out = new java.io.ByteArrayOutputStream();
        org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                pair, "c", null, out);
        assertThat(SftpUploader.keyProblem(out.toString(java.nio.charset.StandardCharsets.US_ASCII), null))
                .isNull();
        assertThat(SftpUploader.keyProblem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", null))
                .contains("not a private key");
    }

    private List<FieldProblem> problems(DestinationRules.DestinationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        rules.check(request, null, problems);
        return problems;
    }

    private static DestinationRules.DestinationRequest https(String url) {
        return new DestinationRules.DestinationRequest(
                "HTTPS", null, null, null, null, null, null, null, null, url, null, Map.of("Authorization", "x"));
    }

    private static DestinationRules.DestinationRequest sftp(String host) {
        return sftpRequest(host, "SHA256:" + "A".repeat(43));
    }

    private static DestinationRules.DestinationRequest sftpRequest(String host, String hostKey) {
        return new DestinationRules.DestinationRequest(
                "SFTP", host, 22, "u", "p", null, null, null, hostKey, null, null, null);
    }
}
