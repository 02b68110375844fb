package dev.leadport.shared.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The multipart limits from the one upload setting: the file may be as large as the limit, and the request as a
 * whole may be a little larger, since its boundaries, part headers and the form's other fields come on top. (With
 * both at the limit, a file of exactly the limit was refused.)
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitConfig {

    /** Room for the multipart framing and the import form's option fields. */
    static final DataSize OVERHEAD = DataSize.ofMegabytes(1);

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${leadport.imports.max-upload-size:200MB}") DataSize limit) {
        return new MultipartConfigElement("", limit.toBytes(), limit.toBytes() + OVERHEAD.toBytes(), (int)
                DataSize.ofMegabytes(1).toBytes());
    }
}
