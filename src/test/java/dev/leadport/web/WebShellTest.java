package dev.leadport.web;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import org.junit.jupiter.api.Test;

class WebShellTest extends ApiTestBase {

    @Test
    void pagesNeedSignInAndTheLoginPageIsPublic() {
        Api.Response leads = anonymous().getPage("/leads");
        assertThat(leads.status()).isEqualTo(302);
        assertThat(leads.header("Location")).endsWith("/login");
        Api.Response login = anonymous().getPage("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"").contains("Sign in");
        assertThat(login.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void leadValuesAreEscapedInPages() {
        String source = unique("xss");
        createLead(
                as("admin"), map("email", source + "@x.io", "source", source, "company", "<script>alert(1)</script>"));
        Api.Response page = as("admin").get("/leads?source=" + source);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        assertThat(page.body()).contains("<nav aria-label=\"Main\">");
    }
}
