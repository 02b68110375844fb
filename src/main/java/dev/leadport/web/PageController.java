package dev.leadport.web;

import dev.leadport.leads.LeadFilter;
import dev.leadport.leads.LeadPage;
import dev.leadport.leads.LeadService;
import dev.leadport.leads.LeadStatus;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The server-rendered pages. Lists re-render only their results block when htmx asks. */
@Controller
class PageController {

    private final LeadService leads;
    private final Users users;

    PageController(LeadService leads, Users users) {
        this.leads = leads;
        this.users = users;
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
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "25") int size,
            HttpServletRequest request,
            Model model) {
        LeadFilter filter = new LeadFilter(statuses, owner, source, createdFrom, createdTo, null, null, q);
        LeadPage page = leads.list(filter, after, size, true, users.current());
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute(
                "owners", users.all().stream().map(UserAccount::username).toList());
        model.addAttribute("ownerAccounts", users.all());
        model.addAttribute("query", request.getQueryString() == null ? "" : stripAfter(request.getQueryString()));
        boolean htmx = request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null;
        return htmx ? "leads :: results" : "leads";
    }

    @GetMapping("/import")
    String importPage() {
        return "import";
    }

    @GetMapping("/export")
    String exportPage() {
        return "export";
    }

    @GetMapping("/activity")
    String activityPage() {
        return "activity";
    }

    @GetMapping("/settings")
    String settingsPage(Model model) {
        model.addAttribute("account", users.get(users.current().id()));
        return "settings";
    }

    private static String stripAfter(String query) {
        return String.join(
                "&",
                java.util.Arrays.stream(query.split("&"))
                        .filter(p -> !p.startsWith("after="))
                        .toList());
    }
}
