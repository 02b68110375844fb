package dev.leadport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadport.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @Test
    void loopbackPrivateLinkLocalAndNonHttpUrlsAreRefusedByDefault() {
        AddressGuard guard = new AddressGuard(false);
        for (String url : List.of(
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://10.1.2.3/hook",
                "https://192.168.0.10/hook",
                "http://172.16.5.5/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook",
                "http://[fd00::1]/hook",
                "http://0.0.0.0/hook",
                "http://100.64.0.1/hook",
                "ftp://93.184.216.34/hook",
                "http://user:pw@93.184.216.34/hook",
                "not a url")) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(InvalidInputException.class);
        }
        assertThat(guard.check("https://93.184.216.34/hook").getHost()).isEqualTo("93.184.216.34");
    }

    @Test
    void theSettingLetsPrivateAddressesThrough() {
        assertThat(new AddressGuard(true).check("http://127.0.0.1:8080/hook").getPort())
                .isEqualTo(8080);
    }
}
