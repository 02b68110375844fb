package dev.leadport.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Rules every request value meets before a controller sees it: JSON text holds no NUL (PostgreSQL text cannot,
 * so it failed later as a 500). Numbers in paths and parameters: {@link DecimalNumberBinding}.
 */
@Configuration(proxyBeanMethods = false)
class InputRulesConfig {

    static final String NUL = "contains a NUL character (\\u0000), which text cannot hold";

    @Bean
    SimpleModule textWithoutNulModule() {
        return new SimpleModule("text-without-nul").addDeserializer(String.class, new TextDeserializer());
    }

    /** Strings as Jackson reads them, refusing a NUL with the field's path (also inside maps of any values). */
    private static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf(0) >= 0) {
                throw InvalidFormatException.from(p, NUL, value, String.class);
            }
            return value;
        }
    }
}
