package dev.leadport.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, username, email, display_name, role, enabled, notify_by_email, created_at, password_hash";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> findByLogin(String login) {
        return jdbc.sql("select " + COLUMNS
                        + " from app_user where lower(username) = lower(:login) or lower(email) = lower(:login)"
                        + " order by (lower(username) = lower(:login)) desc limit 1")
                .param("login", login)
                .query(UserRepository::map)
                .optional();
    }

    Optional<StoredUser> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    List<StoredUser> findAll() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by lower(username)")
                .query(UserRepository::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    long insert(String username, String email, String displayName, String passwordHash, UserRole role) {
        return jdbc.sql("""
                        insert into app_user (username, email, display_name, password_hash, role)
                        values (:username, :email, :displayName, :hash, :role)
                        returning id
                        """)
                .param("username", username)
                .param("email", email)
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("role", role.name())
                .query(Long.class)
                .single();
    }

    void update(long id, String email, String displayName, UserRole role, boolean enabled) {
        jdbc.sql("""
                        update app_user set email = :email, display_name = :displayName, role = :role,
                               enabled = :enabled, updated_at = now()
                        where id = :id
                        """)
                .param("id", id)
                .param("email", email)
                .param("displayName", displayName)
                .param("role", role.name())
                .param("enabled", enabled)
                .update();
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = :hash, updated_at = now() where id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    void updateNotifyByEmail(long id, boolean notify) {
        jdbc.sql("update app_user set notify_by_email = :notify, updated_at = now() where id = :id")
                .param("id", id)
                .param("notify", notify)
                .update();
    }

    private static StoredUser map(ResultSet rs, int row) throws SQLException {
        UserAccount account = new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("display_name"),
                UserRole.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getBoolean("notify_by_email"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
        return new StoredUser(account, rs.getString("password_hash"));
    }

    record StoredUser(UserAccount account, String passwordHash) {}
}
