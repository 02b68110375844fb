package dev.leadport.web;

import java.util.Map;

/** The summary and an example call of each API operation, by controller and method, for the API documentation. */
final class ApiSummaries {

    private ApiSummaries() {}

    /** A summary (null: the operation states its own) and a curl call that works against the demo data. */
    record Doc(String summary, String example) {}

    static final Map<String, Doc> DOCS = Map.ofEntries(
            Map.entry(
                    "LeadController.list",
                    new Doc(
                            "List leads: filtered, sorted, keyset-paged",
                            "curl -u admin:admin 'http://localhost:8080/api/leads?status=NEW&status=CONTACTED&source=web&sort=company&size=50'\n# next page: add &after=<nextCursor of the previous page>")),
            Map.entry(
                    "LeadController.get",
                    new Doc("Get one lead", "curl -u admin:admin http://localhost:8080/api/leads/42")),
            Map.entry(
                    "LeadController.history",
                    new Doc(
                            "A lead's history: every change with who, when, before and after",
                            "curl -u admin:admin http://localhost:8080/api/leads/42/history")),
            Map.entry(
                    "LeadController.create",
                    new Doc(
                            "Create a lead (it needs an email or a phone)",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\",\"status\":\"NEW\",\"source\":\"web\"}' http://localhost:8080/api/leads")),
            Map.entry(
                    "LeadController.update",
                    new Doc(
                            "Replace a lead's values",
                            "curl -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{\"email\":\"ada@example.com\",\"company\":\"Analytical Engines\",\"status\":\"QUALIFIED\"}' http://localhost:8080/api/leads/42")),
            Map.entry(
                    "LeadController.delete",
                    new Doc(
                            "Move a lead to the recycle bin",
                            "curl -u admin:admin -X DELETE http://localhost:8080/api/leads/42")),
            Map.entry(
                    "CustomFieldController.list",
                    new Doc(
                            "List the custom field definitions",
                            "curl -u admin:admin http://localhost:8080/api/custom-fields")),
            Map.entry(
                    "CustomFieldController.get",
                    new Doc(
                            "Get one custom field definition",
                            "curl -u admin:admin http://localhost:8080/api/custom-fields/1")),
            Map.entry(
                    "CustomFieldController.create",
                    new Doc(
                            "Add a custom field (ADMIN)",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"key\":\"industry\",\"label\":\"Industry\",\"type\":\"CHOICE\",\"options\":[\"SaaS\",\"Retail\"]}' http://localhost:8080/api/custom-fields")),
            Map.entry(
                    "CustomFieldController.update",
                    new Doc(
                            "Change a custom field's label, options or required flag (ADMIN)",
                            "curl -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{\"key\":\"industry\",\"label\":\"Sector\",\"type\":\"CHOICE\",\"options\":[\"SaaS\",\"Retail\",\"Health\"]}' http://localhost:8080/api/custom-fields/1")),
            Map.entry(
                    "CustomFieldController.delete",
                    new Doc(
                            "Delete a custom field and its values (ADMIN)",
                            "curl -u admin:admin -X DELETE http://localhost:8080/api/custom-fields/1")),
            Map.entry(
                    "ImportController.validate",
                    new Doc(
                            "Validate a file: a dry run that reports every row's fate and writes nothing",
                            "curl -u admin:admin -F file=@leads.csv http://localhost:8080/api/leads/import-export/validate")),
            Map.entry(
                    "ImportController.importFile",
                    new Doc(
                            "Import a file as a job (202, follow it at Location)",
                            "curl -u admin:admin -F file=@leads.csv -F duplicateMode=UPDATE http://localhost:8080/api/leads/import-export/import")),
            Map.entry(
                    "ApiTokenController.list",
                    new Doc(
                            "List your personal API tokens (never their secrets)",
                            "curl -u rep:rep http://localhost:8080/api/tokens")),
            Map.entry(
                    "ApiTokenController.create",
                    new Doc(
                            "Create a personal API token; its secret is in this answer only",
                            "curl -u rep:rep -H 'Content-Type: application/json' -d '{\"name\":\"nightly export\",\"scopes\":[\"READ\",\"EXPORT\"],\"expiresInDays\":90}' http://localhost:8080/api/tokens")),
            Map.entry(
                    "ApiTokenController.revoke",
                    new Doc(
                            "Revoke one of your tokens",
                            "curl -u rep:rep -X DELETE http://localhost:8080/api/tokens/1")),
            Map.entry(
                    "WebhookController.list",
                    new Doc(
                            "List the webhook endpoints (ADMIN)",
                            "curl -u admin:admin http://localhost:8080/api/webhooks")),
            Map.entry(
                    "WebhookController.create",
                    new Doc(
                            "Register a webhook endpoint and the events it gets (ADMIN); the signing secret is in this answer only",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"url\":\"https://hooks.example.com/leadport\",\"events\":[\"IMPORT_FINISHED\"]}' http://localhost:8080/api/webhooks")),
            Map.entry(
                    "WebhookController.delete",
                    new Doc(
                            "Delete a webhook endpoint (ADMIN)",
                            "curl -u admin:admin -X DELETE http://localhost:8080/api/webhooks/1")),
            Map.entry(
                    "WebhookController.deliveries",
                    new Doc(
                            "An endpoint's delivery log: each attempt's status code and time (ADMIN)",
                            "curl -u admin:admin http://localhost:8080/api/webhooks/1/deliveries")),
            Map.entry(
                    "WebhookController.resend",
                    new Doc(
                            "Send a delivery again, as a new delivery (ADMIN)",
                            "curl -u admin:admin -X POST http://localhost:8080/api/webhooks/1/deliveries/7/resend")),
            Map.entry(
                    "SavedMappingController.list",
                    new Doc(
                            "List your saved import mappings and those an admin published for everybody",
                            "curl -u manager:manager http://localhost:8080/api/leads/import-export/mappings")),
            Map.entry(
                    "SavedMappingController.publish",
                    new Doc(
                            "Publish one of your saved mappings for everybody (ADMIN)",
                            "curl -u admin:admin -X POST http://localhost:8080/api/leads/import-export/mappings/1/publish")),
            Map.entry(
                    "SavedMappingController.delete",
                    new Doc(
                            "Delete a saved mapping: your own, or a published one (ADMIN)",
                            "curl -u admin:admin -X DELETE http://localhost:8080/api/leads/import-export/mappings/1")),
            Map.entry(
                    "ImportController.list",
                    new Doc(
                            "List imports, newest first",
                            "curl -u admin:admin 'http://localhost:8080/api/leads/import-export/imports?size=20'")),
            Map.entry(
                    "ImportController.get",
                    new Doc(
                            "Get an import's status and counts",
                            "curl -u admin:admin http://localhost:8080/api/leads/import-export/imports/7")),
            Map.entry(
                    "ImportController.events",
                    new Doc(
                            "Follow an import's progress (server-sent events)",
                            "curl -u admin:admin -N http://localhost:8080/api/leads/import-export/imports/7/events")),
            Map.entry(
                    "ImportController.cancel",
                    new Doc(
                            "Cancel a running import after its current chunk",
                            "curl -u admin:admin -X POST http://localhost:8080/api/leads/import-export/imports/7/cancel")),
            Map.entry(
                    "ImportController.undo",
                    new Doc(
                            "Undo an import: delete the leads it created, restore those it updated",
                            "curl -u admin:admin -X POST http://localhost:8080/api/leads/import-export/imports/7/undo")),
            Map.entry(
                    "ImportController.errors",
                    new Doc(
                            "Download the rows that failed, with the reason appended",
                            "curl -u admin:admin -o errors.csv http://localhost:8080/api/leads/import-export/imports/7/errors")),
            Map.entry(
                    "ImportController.success",
                    new Doc(
                            "Download the rows that landed: row number, lead id, outcome and the lead each matched",
                            "curl -u admin:admin -o success.csv http://localhost:8080/api/leads/import-export/imports/7/success")),
            Map.entry(
                    "ImportController.template",
                    new Doc(
                            "Download the import template (CSV or XLSX)",
                            "curl -u admin:admin -o template.xlsx 'http://localhost:8080/api/leads/import-export/template?format=xlsx'")),
            Map.entry(
                    "ExportController.export",
                    new Doc(
                            "Export the filtered leads as CSV or XLSX (streamed)",
                            "curl -u admin:admin -o leads.csv 'http://localhost:8080/api/leads/import-export/export?status=QUALIFIED&fields=firstName,lastName,email,company&format=csv'")),
            Map.entry(
                    "ExportController.preview",
                    new Doc(
                            "Preview the first rows of an export and count its leads",
                            "curl -u admin:admin 'http://localhost:8080/api/leads/import-export/export/preview?status=QUALIFIED&fields=email,company'")),
            Map.entry(
                    "ExportJobController.start",
                    new Doc(
                            "Start a background export (202)",
                            "curl -u admin:admin -X POST 'http://localhost:8080/api/leads/import-export/exports?fields=email,company&format=xlsx'")),
            Map.entry(
                    "ExportJobController.get",
                    new Doc(
                            "Get a background export's progress",
                            "curl -u admin:admin http://localhost:8080/api/leads/import-export/exports/3")),
            Map.entry(
                    "ExportJobController.file",
                    new Doc(
                            "Download a background export's file",
                            "curl -u admin:admin -o leads.xlsx http://localhost:8080/api/leads/import-export/exports/3/file")),
            Map.entry(
                    "BulkController.update",
                    new Doc(
                            "Change status, source or custom values of many leads",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"ids\":[41,42],\"changes\":{\"status\":\"CONTACTED\"}}' http://localhost:8080/api/leads/bulk/update")),
            Map.entry(
                    "BulkController.assign",
                    new Doc(
                            "Give many leads to one owner",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"filter\":{\"source\":\"web\"},\"ownerId\":3}' http://localhost:8080/api/leads/bulk/assign")),
            Map.entry(
                    "BulkController.delete",
                    new Doc(
                            "Move many leads to the recycle bin (MANAGER, ADMIN)",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"ids\":[41,42]}' http://localhost:8080/api/leads/bulk/delete")),
            Map.entry(
                    "BulkController.restore",
                    new Doc(
                            "Restore leads from the recycle bin",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"ids\":[41,42]}' http://localhost:8080/api/leads/bulk/restore")),
            Map.entry(
                    "BulkController.undo",
                    new Doc(
                            "Undo a bulk update or assignment",
                            "curl -u admin:admin -X POST http://localhost:8080/api/leads/bulk/12/undo")),
            Map.entry(
                    "BulkController.get",
                    new Doc(
                            "Get a bulk operation with its per-lead results",
                            "curl -u admin:admin 'http://localhost:8080/api/leads/bulk/12?results=100'")),
            Map.entry(
                    "BulkController.results",
                    new Doc(
                            "Download every per-lead result of a bulk operation (CSV)",
                            "curl -u admin:admin -o results.csv http://localhost:8080/api/leads/bulk/12/results.csv")),
            Map.entry(
                    "BulkController.recycleBin",
                    new Doc(
                            "List the recycle bin, most recently deleted first",
                            "curl -u admin:admin 'http://localhost:8080/api/leads/bulk/recycle-bin?size=50'")),
            Map.entry(
                    "ScheduleController.list",
                    new Doc(
                            "List scheduled exports",
                            "curl -u admin:admin http://localhost:8080/api/leads/import-export/schedules")),
            Map.entry(
                    "ScheduleController.create",
                    new Doc(
                            "Schedule an export",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"name\":\"Weekly qualified\",\"filter\":{\"statuses\":[\"QUALIFIED\"]},\"fields\":[\"email\",\"company\"],\"format\":\"csv\",\"recurrence\":{\"type\":\"WEEKLY\",\"time\":\"08:00\",\"days\":[\"MONDAY\"]},\"timeZone\":\"Europe/Berlin\",\"recipients\":[\"ops@example.com\"]}' http://localhost:8080/api/leads/import-export/schedules")),
            Map.entry(
                    "ScheduleController.get",
                    new Doc(
                            "Get a scheduled export",
                            "curl -u admin:admin http://localhost:8080/api/leads/import-export/schedules/5")),
            Map.entry(
                    "ScheduleController.update",
                    new Doc(
                            "Change a scheduled export",
                            "curl -u admin:admin -X PUT -H 'Content-Type: application/json' -d @schedule.json http://localhost:8080/api/leads/import-export/schedules/5")),
            Map.entry(
                    "ScheduleController.delete",
                    new Doc(
                            "Delete a scheduled export",
                            "curl -u admin:admin -X DELETE http://localhost:8080/api/leads/import-export/schedules/5")),
            Map.entry(
                    "ScheduleController.pause",
                    new Doc(
                            "Pause a scheduled export",
                            "curl -u admin:admin -X POST http://localhost:8080/api/leads/import-export/schedules/5/pause")),
            Map.entry(
                    "ScheduleController.resume",
                    new Doc(
                            "Resume a paused scheduled export",
                            "curl -u admin:admin -X POST http://localhost:8080/api/leads/import-export/schedules/5/resume")),
            Map.entry(
                    "ScheduleController.runs",
                    new Doc(
                            "List a schedule's runs",
                            "curl -u admin:admin http://localhost:8080/api/leads/import-export/schedules/5/runs")),
            Map.entry(
                    "ScheduleController.file",
                    new Doc(
                            "Download the file of one run",
                            "curl -u admin:admin -o run.csv http://localhost:8080/api/leads/import-export/schedules/5/runs/9/file")),
            Map.entry(
                    "ActivityController.list",
                    new Doc(
                            "List the activity log, newest first, filtered",
                            "curl -u admin:admin 'http://localhost:8080/api/leads/import-export/activity?type=IMPORT&status=FAILED&size=20'")),
            Map.entry(
                    "ActivityController.detail",
                    new Doc(
                            "Get one operation with all its log entries",
                            "curl -u admin:admin http://localhost:8080/api/leads/import-export/activity/15")),
            Map.entry(
                    "ActivityController.export",
                    new Doc(
                            "Download the filtered activity log (CSV)",
                            "curl -u admin:admin -o activity.csv 'http://localhost:8080/api/leads/import-export/activity/export?from=2026-01-01'")),
            Map.entry(
                    "ActivityController.metrics",
                    new Doc(
                            "Figures of the last 30 days (or a range)",
                            "curl -u admin:admin 'http://localhost:8080/api/leads/import-export/activity/metrics?from=2026-01-01&to=2026-01-31'")),
            Map.entry(
                    "OutboxController.list",
                    new Doc(
                            "List mails sent and held",
                            "curl -u admin:admin http://localhost:8080/api/notifications/outbox")),
            Map.entry(
                    "UserController.list",
                    new Doc("List users (to pick owners)", "curl -u admin:admin http://localhost:8080/api/users")),
            Map.entry(
                    "UserController.me",
                    new Doc("Get the signed-in user", "curl -u admin:admin http://localhost:8080/api/users/me")),
            Map.entry(
                    "UserController.updatePreferences",
                    new Doc(
                            "Change your notification preference",
                            "curl -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{\"notifyByEmail\":true}' http://localhost:8080/api/users/me/preferences")),
            Map.entry(
                    "UserController.get",
                    new Doc("Get one user", "curl -u admin:admin http://localhost:8080/api/users/3")),
            Map.entry(
                    "UserController.create",
                    new Doc(
                            "Add a user (ADMIN)",
                            "curl -u admin:admin -H 'Content-Type: application/json' -d '{\"username\":\"sam\",\"email\":\"sam@example.com\",\"password\":\"change-me\",\"role\":\"REP\"}' http://localhost:8080/api/users")),
            Map.entry(
                    "UserController.update",
                    new Doc(
                            "Change a user's role, details or access (ADMIN)",
                            "curl -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{\"role\":\"MANAGER\"}' http://localhost:8080/api/users/3")),
            Map.entry(
                    "PasswordController.changeOwn",
                    new Doc(
                            null,
                            "curl -u sam:old-password -X PUT -H 'Content-Type: application/json' -d '{\"currentPassword\":\"old-password\",\"newPassword\":\"new-password\"}' http://localhost:8080/api/users/me/password")),
            Map.entry(
                    "PasswordController.reset",
                    new Doc(
                            null,
                            "curl -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{\"newPassword\":\"temporary-1\"}' http://localhost:8080/api/users/3/password")));
}
