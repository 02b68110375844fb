package dev.leadport.web;

import dev.leadport.imports.ImportsProperties;
import dev.leadport.leads.CustomFieldType;
import dev.leadport.leads.CustomFields;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadFilter;
import dev.leadport.leads.LeadPage;
import dev.leadport.leads.LeadService;
import dev.leadport.leads.LeadSort;
import dev.leadport.leads.LeadStatus;
import dev.leadport.leads.LeadsProperties;
import dev.leadport.leads.TotalCount;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import dev.leadport.users.UserRole;
import dev.leadport.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The server-rendered pages. Lists re-render only their results block when htmx asks. */
@Controller
class PageController {

    /** What the settings page confirms after a change that reloads it. */
    private static final Map<String, String> SETTINGS_DONE = Map.of(
            "field-created", "The custom field was added.",
            "field-saved", "The custom field was saved.",
            "field-deleted", "The custom field was deleted.",
            "user-created", "The user was added.",
            "password-changed", "Your password was changed. Your other sessions were signed out.",
            "password-reset", "The new password was set, and the user was signed out everywhere.");

    private final LeadService leads;
    private final Users users;
    private final CustomFields customFields;
    private final ImportsProperties importsProperties;
    private final LeadsProperties leadsProperties;

    PageController(
            LeadService leads,
            Users users,
            CustomFields customFields,
            ImportsProperties importsProperties,
            LeadsProperties leadsProperties) {
        this.leadsProperties = leadsProperties;
        this.leads = leads;
        this.users = users;
        this.customFields = customFields;
        this.importsProperties = importsProperties;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/leads";
    }

    @GetMapping("/leads")
    String leads(
            @RequestParam(name = "status", required = false) List<LeadStatus> statuses,
            @RequestParam(required = false) Long owner,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "25") int size,
            HttpServletRequest request,
            Model model) {
        LeadFilter filter = new LeadFilter(statuses, owner, source, createdFrom, createdTo, null, null, q);
        LeadSort order = LeadSort.parse(sort, dir);
        CurrentUser me = users.current();
        LeadPage page = leads.list(filter, order, after, size, TotalCount.BOUNDED, me);
        model.addAttribute("page", page);
        model.addAttribute("totalText", totalText(page));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", LeadStatus.values());
        // A REP sees only their own leads, so the owner filter offers only them.
        List<UserAccount> accounts = users.all().stream()
                .filter(u -> me.seesAllLeads() || u.id() == me.id())
                .toList();
        model.addAttribute(
                "owners", accounts.stream().map(UserAccount::username).toList());
        model.addAttribute("ownerAccounts", accounts);
        String query = request.getQueryString() == null ? "" : stripAfter(request.getQueryString());
        model.addAttribute("query", query);
        String filterQuery = LeadListColumns.without(query, "sort", "dir", "size");
        model.addAttribute("filterQuery", filterQuery);
        model.addAttribute("sort", order);
        model.addAttribute("sortCaption", LeadListColumns.caption(order));
        model.addAttribute("columns", LeadListColumns.of(order, filterQuery));
        boolean htmx = request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null;
        return htmx ? "leads :: results" : "leads";
    }

    @GetMapping("/leads/recycle-bin")
    String recycleBin() {
        return "recycle-bin";
    }

    @GetMapping("/import")
    String importPage(Model model) {
        List<FieldChoice> targets = new java.util.ArrayList<>();
        boolean keepsDates = users.current().seesAllLeads();
        for (LeadField field : LeadField.values()) {
            boolean date = field == LeadField.CREATED_AT || field == LeadField.UPDATED_AT;
            if (field.mappable() && (!date || keepsDates)) {
                targets.add(new FieldChoice(
                        field.key(), field == LeadField.ID ? "Leadport ID (to match by id)" : field.label()));
            }
        }
        targets.add(new FieldChoice("fullName", "Full name (split into first and last)"));
        targets.add(new FieldChoice("country", "Country (sets the phone region of its row)"));
        customFields.all().forEach(f -> targets.add(new FieldChoice("custom:" + f.key(), f.label() + " (custom)")));
        model.addAttribute("targets", targets);
        model.addAttribute("statuses", LeadStatus.values());
        // A REP imports leads only for themselves, so only they are offered as the owner of every row.
        model.addAttribute(
                "ownerAccounts",
                users.all().stream()
                        .filter(u -> users.current().seesAllLeads()
                                || u.id() == users.current().id())
                        .toList());
        model.addAttribute("maxUploadBytes", importsProperties.maxUploadSize().toBytes());
        model.addAttribute("maxUploadText", importsProperties.maxUploadSize().toMegabytes() + " MB");
        return "import";
    }

    /** A place a file column can go, as offered in the import wizard's mapping step. */
    record FieldChoice(String value, String label) {}

    @GetMapping("/export")
    String exportPage(Model model) {
        List<FieldChoice> fields = new java.util.ArrayList<>();
        for (LeadField field : LeadField.values()) {
            fields.add(new FieldChoice(field.key(), field.label()));
        }
        customFields.all().forEach(f -> fields.add(new FieldChoice(f.key(), f.label())));
        model.addAttribute("fields", fields);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("ownerAccounts", visibleOwners());
        return "export";
    }

    @GetMapping("/activity")
    String activityPage(Model model) {
        model.addAttribute("types", OperationType.values());
        model.addAttribute("operationStatuses", OperationStatus.values());
        model.addAttribute("ownerAccounts", users.all());
        return "activity";
    }

    @GetMapping("/settings")
    String settingsPage(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("doneMessage", done == null ? null : SETTINGS_DONE.getOrDefault(done, "Saved."));
        model.addAttribute("account", users.get(users.current().id()));
        model.addAttribute("fields", customFields.all());
        model.addAttribute("fieldTypes", CustomFieldType.values());
        model.addAttribute("users", users.all());
        model.addAttribute("roles", UserRole.values());
        model.addAttribute("tokenScopes", users.tokenScopesOf(users.current()));
        return "settings";
    }

    /** The users whose leads the signed-in user may see: everyone for MANAGERs and ADMINs, themselves for a REP. */
    private List<UserAccount> visibleOwners() {
        CurrentUser me = users.current();
        return users.all().stream()
                .filter(u -> me.seesAllLeads() || u.id() == me.id())
                .toList();
    }

    /**
     * How the list states its number of matches: exact ("27"), an estimate rounded to two significant digits ("about
     * 510,000"), or, when the database's estimate is below what was counted, the count's limit ("more than 10,000").
     */
    private String totalText(LeadPage page) {
        long total = page.total();
        if (Boolean.TRUE.equals(page.totalExact())) {
            return String.format(Locale.ROOT, "%,d", total);
        }
        long limit = leadsProperties.exactCountLimit();
        if (total <= limit + 1) {
            return String.format(Locale.ROOT, "more than %,d", limit);
        }
        long rounded = new java.math.BigDecimal(total)
                .round(new java.math.MathContext(2))
                .longValueExact();
        return rounded <= limit
                ? String.format(Locale.ROOT, "more than %,d", limit)
                : String.format(Locale.ROOT, "about %,d", rounded);
    }

    /** The list's query without its page cursor and empty parameters, to build page links and compare filters. */
    private static String stripAfter(String query) {
        return String.join(
                "&",
                java.util.Arrays.stream(query.split("&"))
                        .filter(p -> !p.startsWith("after=") && !p.endsWith("=") && p.contains("="))
                        .toList());
    }
}
