package dev.leadport.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be, by kind of endpoint. File uploads (multipart) have their own limit,
 * {@code leadport.imports.max-upload-size}.
 *
 * @param maxJsonBody a JSON body of any endpoint but the bulk ones (a lead's longest text is 10,000 characters)
 * @param maxBulkBody a bulk call's body: 100,000 ids as numbers or quoted strings fit in about 2.5 MB
 * @param maxFormBody a form post of the pages (sign-in, settings)
 */
@ConfigurationProperties("leadport.web")
public record RequestLimitProperties(
        @DefaultValue("1MB") DataSize maxJsonBody,
        @DefaultValue("4MB") DataSize maxBulkBody,
        @DefaultValue("64KB") DataSize maxFormBody) {}
