package dev.leadport.users;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signs a user out on every node when an ADMIN disables them, changes their role or sets a new password: their
 * sessions (in PostgreSQL) are deleted, so their next request asks them to sign in again, as they now are. A
 * session keeps the role it signed in with, so without this a demoted user would keep their old rights until the
 * session expired. The session of the request making the change is kept (an ADMIN changing their own password stays
 * signed in here).
 */
@Component
class SessionRevoker {

    private static final Logger log = LoggerFactory.getLogger(SessionRevoker.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionRevoker(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(UserChanged event) {
        boolean revoke = event.change() == UserChanged.Change.UPDATED
                && (!event.enabled() || event.previousRole() != event.role() || event.passwordChanged());
        if (!revoke) {
            return;
        }
        String current = currentSessionId();
        int signedOut = 0;
        for (String id : sessions.findByPrincipalName(event.username()).keySet()) {
            if (!id.equals(current)) {
                sessions.deleteById(id);
                signedOut++;
            }
        }
        if (signedOut > 0) {
            log.info("Signed user {} out of {} session(s) after an account change", event.userId(), signedOut);
        }
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
