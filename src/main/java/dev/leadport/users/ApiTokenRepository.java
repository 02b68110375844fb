package dev.leadport.users;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_token table: one row per token, holding the secret's SHA-256 only. */
@Repository
class ApiTokenRepository {

    private static final String COLUMNS = "t.id, t.user_id, t.name, t.hint, t.scopes, t.created_at, t.expires_at,"
            + " t.revoked_at, t.last_used_at, t.last_used_address";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            long userId, String name, String hint, String hash, Set<TokenScope> scopes, Instant at, Instant expires) {
        return jdbc.sql("""
                        insert into api_token (user_id, name, hint, token_hash, scopes, created_at, expires_at)
                        values (:user, :name, :hint, :hash, cast(:scopes as text[]), :at, :expires)
                        returning id
                        """)
                .param("user", userId)
                .param("name", name)
                .param("hint", hint)
                .param("hash", hash)
                .param(
                        "scopes",
                        "{" + String.join(",", scopes.stream().map(Enum::name).toList()) + "}")
                .param("at", utc(at))
                .param("expires", utc(expires))
                .query(Long.class)
                .single();
    }

    /** The token with this hash, if it is neither revoked nor expired and its user may still sign in. */
    Optional<Usable> findUsable(String hash, Instant now) {
        return jdbc.sql("select " + COLUMNS
                        + ", u.username, u.role from api_token t join app_user u on u.id = t.user_id"
                        + " where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and u.enabled")
                .param("hash", hash)
                .param("now", utc(now))
                .query((rs, n) -> new Usable(map(rs), rs.getString("username"), UserRole.valueOf(rs.getString("role"))))
                .optional();
    }

    List<ApiToken> listForUser(long userId) {
        return jdbc.sql("select " + COLUMNS
                        + " from api_token t where t.user_id = :user order by t.created_at desc, t.id desc")
                .param("user", userId)
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<ApiToken> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_token t where t.id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    boolean revoke(long id, Instant at) {
        return jdbc.sql("update api_token set revoked_at = :at where id = :id and revoked_at is null")
                        .param("id", id)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** Records the use; at most one write a minute per token and address keeps a busy script from churning rows. */
    void touch(long id, String address, Instant at) {
        jdbc.sql("""
                        update api_token set last_used_at = :at, last_used_address = :address
                        where id = :id and (last_used_at is null or last_used_at < :stale
                          or last_used_address is distinct from :address)
                        """)
                .param("id", id)
                .param("address", address)
                .param("at", utc(at))
                .param("stale", utc(at.minusSeconds(60)))
                .update();
    }

    /** True when the token had not been used from this address before. */
    boolean rememberAddress(long id, String address, Instant at) {
        return jdbc.sql("insert into api_token_address (token_id, address, first_seen_at) values (:id, :address, :at)"
                                + " on conflict do nothing")
                        .param("id", id)
                        .param("address", address)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    record Usable(ApiToken token, String username, UserRole role) {}

    private static ApiToken map(ResultSet rs) throws SQLException {
        Array array = rs.getArray("scopes");
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        Arrays.stream((String[]) array.getArray()).map(TokenScope::valueOf).forEach(scopes::add);
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("hint"),
                scopes,
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"),
                rs.getString("last_used_address"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
