package dev.leadport.schedules;

import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.springframework.stereotype.Component;

/**
 * Uploads a run's files to an SFTP server with Apache MINA SSHD. The server must show the host key stored with the
 * destination; each file is written under a temporary name in the folder and renamed when complete, so a reader
 * of the folder never sees half a file.
 */
@Component
class SftpUploader {

    private final FileStore files;
    private final DestinationRules rules;
    private final SchedulesProperties properties;

    SftpUploader(FileStore files, DestinationRules rules, SchedulesProperties properties) {
        this.files = files;
        this.rules = rules;
        this.properties = properties;
    }

    /** Uploads the files in order over one connection; any failure is thrown for the run to retry. */
    void upload(Destination destination, Destination.Secrets secrets, List<StoredFile> stored) {
        InetAddress address = rules.check(destination.host())[0];
        try (SshClient client = SshClient.setUpDefaultClient()) {
            // Only what the destination holds: no ~/.ssh keys or config of the machine Leadport runs on.
            client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            String expected = destination.hostKey();
            client.setServerKeyVerifier((session, remote, key) -> expected.equals(fingerprint(key)));
            client.start();
            long timeout = properties.connectTimeout().toMillis();
            try (ClientSession session = client.connect(
                            destination.username(), new InetSocketAddress(address, destination.port()))
                    .verify(timeout)
                    .getSession()) {
                if (secrets.privateKey() != null) {
                    for (KeyPair pair : keys(secrets.privateKey(), secrets.passphrase())) {
                        session.addPublicKeyIdentity(pair);
                    }
                }
                if (secrets.password() != null) {
                    session.addPasswordIdentity(secrets.password());
                }
                session.auth().verify(timeout);
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    for (StoredFile file : stored) {
                        put(sftp, destination.folder(), file);
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new DeliveryFailed("SFTP upload to " + destination.describe() + " failed: " + reason(e), true, e);
        }
    }

    private void put(SftpClient sftp, String folder, StoredFile file) throws IOException {
        String target = join(folder, file.name());
        String temp = join(folder, "." + file.name() + ".part");
        try (InputStream in = files.open(file.id());
                OutputStream out = sftp.write(temp)) {
            in.transferTo(out);
        }
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(temp, target); // replaces a file of a retried run in one step
            return;
        }
        try {
            sftp.rename(temp, target);
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_FILE_ALREADY_EXISTS
                    && e.getStatus() != SftpConstants.SSH_FX_FAILURE) {
                throw e;
            }
            // SFTP v3 renames never overwrite: a retried run replaces the file its earlier attempt left.
            sftp.remove(target);
            sftp.rename(temp, target);
        }
    }

    private static String join(String folder, String name) {
        if (folder.equals(".")) {
            return name;
        }
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.contains("No more authentication methods available")
                ? "the server refused the password or key"
                : message;
    }

    /** The key in OpenSSH's {@code SHA256:} form. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** The fingerprint of an OpenSSH public key line (known_hosts lines may start with the host), or null. */
    static String fingerprintOfKeyLine(String line) {
        String[] parts = line.strip().split("\\s+");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].startsWith("ssh-") || parts[i].startsWith("ecdsa-") || parts[i].startsWith("sk-")) {
                try {
                    PublicKey key = PublicKeyEntry.parsePublicKeyEntry(parts[i] + " " + parts[i + 1])
                            .resolvePublicKey(null, java.util.Map.of(), PublicKeyEntryResolver.FAILING);
                    return key == null ? null : fingerprint(key);
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Why the private key cannot be used, or null when it loads. */
    static String keyProblem(String privateKey, String passphrase) {
        try {
            return keys(privateKey, passphrase).isEmpty() ? "holds no key" : null;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return "is not a private key in PEM or OpenSSH form, or its passphrase is missing or wrong";
        }
    }

    private static List<KeyPair> keys(String privateKey, String passphrase)
            throws IOException, GeneralSecurityException {
        List<KeyPair> out = new ArrayList<>();
        Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(
                null,
                NamedResource.ofName("destination.privateKey"),
                new ByteArrayInputStream(privateKey.strip().getBytes(StandardCharsets.UTF_8)),
                passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase));
        if (pairs != null) {
            pairs.forEach(out::add);
        }
        return out;
    }
}
