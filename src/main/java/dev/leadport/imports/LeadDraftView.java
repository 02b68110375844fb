package dev.leadport.imports;

import dev.leadport.imports.pipeline.CheckedRow;
import dev.leadport.imports.pipeline.StagingWriter;
import dev.leadport.imports.validation.LeadDraft;
import java.util.LinkedHashMap;
import java.util.Map;

/** A checked row as it would be stored, for the validation's sample. */
final class LeadDraftView {

    private LeadDraftView() {}

    static Map<String, Object> of(CheckedRow row) {
        LeadDraft d = row.result().lead();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("row", row.result().row());
        view.put("firstName", d.firstName());
        view.put("lastName", d.lastName());
        view.put("email", d.email());
        view.put("phone", d.phoneRaw());
        view.put("phoneE164", d.phoneE164());
        view.put("company", d.company());
        view.put("jobTitle", d.jobTitle());
        view.put("status", d.status() == null ? null : d.status().name());
        view.put("source", d.source());
        view.put("owner", d.owner());
        view.put("notes", d.notes());
        view.put("custom", StagingWriter.storedForm(d.customFields()));
        return view;
    }
}
