package dev.leadport.web;

import dev.leadport.leads.CustomFieldDefinition;
import dev.leadport.leads.CustomFields;
import dev.leadport.leads.Lead;
import dev.leadport.leads.LeadHistory;
import dev.leadport.leads.LeadRequest;
import dev.leadport.leads.LeadService;
import dev.leadport.leads.LeadStatus;
import dev.leadport.shared.ConflictException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One lead's page: every field in a form that saves through the same rules and messages as the API, its history,
 * and moving it to the recycle bin; and the form that creates a lead.
 */
@Controller
class LeadPageController {

    private final LeadService leads;
    private final LeadHistory history;
    private final CustomFields customFields;
    private final Users users;
    private final Validator validator;

    LeadPageController(
            LeadService leads, LeadHistory history, CustomFields customFields, Users users, Validator validator) {
        this.leads = leads;
        this.history = history;
        this.customFields = customFields;
        this.users = users;
        this.validator = validator;
    }

    @GetMapping("/leads/new")
    String newLead(Model model) {
        CurrentUser me = users.current();
        return form(model, null, LeadForm.empty(me.id()), Map.of(), me);
    }

    @PostMapping("/leads/new")
    String create(@RequestParam MultiValueMap<String, String> input, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        LeadForm form = LeadForm.read(input, customFields.all());
        List<FieldProblem> problems = new ArrayList<>();
        LeadRequest request = checked(form, problems);
        if (problems.isEmpty()) {
            try {
                Lead lead = leads.create(request, me);
                redirect.addFlashAttribute("doneMessage", "The lead was created.");
                return "redirect:/leads/" + lead.id();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (ConflictException e) {
                problems.add(new FieldProblem(e.field(), e.getMessage()));
            }
        }
        return form(model, null, form, LeadForm.byField(problems), me);
    }

    @GetMapping("/leads/{id}")
    String lead(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        Lead lead = leads.get(id, me);
        return form(model, lead, LeadForm.of(lead), Map.of(), me);
    }

    @PostMapping("/leads/{id}")
    String update(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> input,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser me = users.current();
        Lead lead = leads.get(id, me);
        LeadForm form = LeadForm.read(input, customFields.all());
        List<FieldProblem> problems = new ArrayList<>();
        LeadRequest request = checked(form, problems);
        if (problems.isEmpty()) {
            try {
                leads.update(id, request, me);
                redirect.addFlashAttribute("doneMessage", "The changes were saved.");
                return "redirect:/leads/" + id;
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (ConflictException e) {
                problems.add(new FieldProblem(e.field(), e.getMessage()));
            }
        }
        return form(model, lead, form, LeadForm.byField(problems), me);
    }

    @PostMapping("/leads/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Lead lead = leads.get(id, users.current());
        leads.delete(id, users.current());
        redirect.addFlashAttribute(
                "doneMessage",
                "Lead " + LeadPages.name(lead) + " was moved to the recycle bin, where it can be restored.");
        return "redirect:/leads";
    }

    /** The API's checks of the request's shape (lengths), with the API's messages; the service checks the rest. */
    private LeadRequest checked(LeadForm form, List<FieldProblem> problems) {
        LeadRequest request = form.toRequest(problems);
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<LeadRequest> v) ->
                        LeadForm.FIELDS.indexOf(v.getPropertyPath().toString())))
                .forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
        return request;
    }

    private String form(Model model, Lead lead, LeadForm form, Map<String, String> errors, CurrentUser me) {
        List<CustomFieldDefinition> fields = customFields.all();
        model.addAttribute("lead", lead);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("customFields", fields);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("owners", ownerChoices(lead, me));
        if (lead != null) {
            List<LeadHistory.Entry> entries = new ArrayList<>(history.of(lead.id(), me));
            java.util.Collections.reverse(entries);
            model.addAttribute("history", entries);
            model.addAttribute("title", LeadPages.name(lead));
        } else {
            model.addAttribute("history", List.of());
            model.addAttribute("title", "New lead");
        }
        model.addAttribute("action", lead == null ? "/leads/new" : "/leads/" + lead.id());
        return "lead";
    }

    /** Whom the lead may be given to: a REP only keeps leads themselves; others pick any active user. */
    private List<UserAccount> ownerChoices(Lead lead, CurrentUser me) {
        Long current = lead == null ? null : lead.ownerId();
        return users.all().stream()
                .filter(u ->
                        (me.seesAllLeads() ? u.enabled() : u.id() == me.id()) || (current != null && u.id() == current))
                .sorted(Comparator.comparing(UserAccount::username))
                .toList();
    }
}
