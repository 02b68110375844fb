package dev.leadport.web;

import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API documentation's frame: title, version and description, one tag per module with what it does, and for
 * every operation a summary and an example call. Operations that state their own summary keep it; the others get
 * theirs from {@link ApiSummaries}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    /** The modules that answer under /api, in the order a reader meets them, with one sentence each. */
    static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put(
                "leads",
                "Leads: single leads, the filtered, sorted and keyset-paged list, a lead's history, and"
                        + " the custom field definitions.");
        MODULES.put(
                "imports",
                "Imports: validate a CSV or XLSX file (a dry run that writes nothing), import it as a"
                        + " job, follow its progress, download the rows that failed, cancel or undo it.");
        MODULES.put(
                "exports",
                "Exports: stream the filtered leads as CSV or XLSX, preview them, or run a large"
                        + " export in the background.");
        MODULES.put(
                "bulk",
                "Bulk operations: change the status, source or custom values of many leads, assign or"
                        + " delete them, restore them from the recycle bin, undo an operation.");
        MODULES.put("schedules", "Scheduled exports: exports that run by themselves and mail their file.");
        MODULES.put(
                "activity",
                "Activity: the append-only log of operations and security events, its CSV and" + " its figures.");
        MODULES.put("notifications", "Notifications: the mails sent about finished jobs, or held in demo mode.");
        MODULES.put("users", "Users: accounts, roles, passwords and personal API tokens.");
        MODULES.put(
                "webhooks",
                "Webhooks: endpoints an admin registers to be told, in signed JSON, when an import, validation,"
                        + " export, bulk operation or scheduled run ends; their delivery log.");
    }

    @Bean
    OpenApiCustomizer leadportApiInfo() {
        String version = ApiDocs.class.getPackage().getImplementationVersion();
        return api -> {
            api.info(new Info()
                    .title("Leadport API")
                    .version(version == null ? "0.1.0" : version)
                    .description("""
                            Gets leads in and out of the CRM: import CSV and XLSX files with a dry run first, export \
                            filtered slices, change many leads at once, and audit who did what. Every call takes \
                            HTTP Basic (`curl -u admin:admin ...`); a signed-in browser session may call it too, with \
                            the CSRF token of the page's `_csrf` meta tag. Errors are RFC 9457 problem details \
                            (`application/problem+json`) that name each offending field."""));
            List<Tag> tags = MODULES.entrySet().stream()
                    .map(e -> new Tag().name(tagName(e.getKey())).description(e.getValue()))
                    .toList();
            api.setTags(new java.util.ArrayList<>(tags));
        };
    }

    @Bean
    OperationCustomizer leadportOperations() {
        return (operation, handler) -> {
            String module = module(handler.getBeanType().getPackageName());
            if (module != null) {
                operation.setTags(List.of(tagName(module)));
            }
            String key = handler.getBeanType().getSimpleName() + "."
                    + handler.getMethod().getName();
            ApiSummaries.Doc doc = ApiSummaries.DOCS.get(key);
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(
                        doc != null ? doc.summary() : words(handler.getMethod().getName()));
            }
            String example = doc == null ? null : doc.example();
            if (example != null) {
                String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
                operation.setDescription(description + "Example:\n\n```\n" + example + "\n```");
            }
            return operation;
        };
    }

    /** Tag names as readers see them ("Bulk operations"), from the module's first sentence. */
    static String tagName(String module) {
        String sentence = MODULES.get(module);
        return sentence.substring(0, sentence.indexOf(':'));
    }

    private static String module(String packageName) {
        String rest = packageName.startsWith("dev.leadport.") ? packageName.substring("dev.leadport.".length()) : "";
        String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return MODULES.containsKey(top) ? top : null;
    }

    private static String words(String method) {
        String spaced = method.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
