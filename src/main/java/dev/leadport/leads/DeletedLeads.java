package dev.leadport.leads;

import dev.leadport.users.CurrentUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The leads deleted (moved to the recycle bin, by one delete or a bulk delete: both set {@code deleted_at}) since
 * an instant, as the user may see them, for exports that pass deletions on (a delta schedule). Leads purged from the
 * recycle bin are gone for good and no longer listed.
 */
@Component
public class DeletedLeads {

    /** One deleted lead. */
    public record DeletedLead(long id, String email, Instant deletedAt) {}

    private final JdbcClient jdbc;

    DeletedLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Hands each lead deleted at or after {@code since} (every deleted lead when null) to {@code each}, oldest
     * deletion first; a REP gets only their own. Returns how many. Served by {@code lead_deleted_idx}.
     */
    public long since(Instant since, CurrentUser user, Consumer<DeletedLead> each) {
        long[] count = {0};
        jdbc.sql("""
                        select id, email, deleted_at from lead
                        where deleted_at is not null
                          and (cast(:since as timestamptz) is null or deleted_at >= :since)
                          and (:all or owner_id = :user)
                        order by deleted_at, id
                        """)
                .param("since", since == null ? null : Timestamp.from(since))
                .param("all", user.seesAllLeads())
                .param("user", user.id())
                .query(rs -> {
                    count[0]++;
                    each.accept(new DeletedLead(
                            rs.getLong("id"),
                            rs.getString("email"),
                            rs.getObject("deleted_at", OffsetDateTime.class).toInstant()));
                });
        return count[0];
    }
}
