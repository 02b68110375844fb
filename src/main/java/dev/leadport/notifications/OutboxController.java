package dev.leadport.notifications;

import dev.leadport.shared.InvalidInputException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox, newest first: ADMINs see every mail, everyone else the mails about themselves. */
@RestController
@RequestMapping("/api/notifications/outbox")
class OutboxController {

    private static final Set<String> STATUSES = Set.of("PENDING", "HELD", "SENT", "FAILED");

    private final MailOutbox outbox;
    private final Users users;

    OutboxController(MailOutbox outbox, Users users) {
        this.outbox = outbox;
        this.users = users;
    }

    @GetMapping
    List<OutboxMail> list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw new InvalidInputException("status", "'" + status + "' is not one of " + STATUSES);
        }
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw new InvalidInputException("size", "must be between 1 and 200");
        }
        CurrentUser user = users.current();
        return outbox.list(user.isAdmin() ? null : user.id(), s, size, (long) page * size);
    }
}
