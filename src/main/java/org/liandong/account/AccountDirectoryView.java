package org.liandong.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.liandong.platform.AccessScope;
import org.liandong.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The accounts an admin may see: those whose scope lies inside the admin's own. */
@Service
public class AccountDirectoryView {

    public record AccountRow(UUID id, String username, String displayName, Role role, boolean enabled,
                             List<String> places, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    AccountDirectoryView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AccountRow> accounts(AccessScope scope) {
        var rows = jdbc.sql("""
                select u.id, u.username, u.display_name, u.role, u.enabled, u.created_at,
                       coalesce(s.name, c.name) place, coalesce(us.street_id, c.street_id) street_id, us.community_id
                from user_account u
                left join user_scope us on us.user_id = u.id
                left join street s on s.id = us.street_id
                left join community c on c.id = us.community_id
                where u.role <> 'RESIDENT'
                order by u.role, u.username""")
                .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("place"), rs.getString("community_id"),
                        rs.getString("street_id")})
                .list();
        var byId = new java.util.LinkedHashMap<UUID, AccountRow>();
        var hidden = new java.util.HashSet<UUID>();
        for (var r : rows) {
            var id = (UUID) r[0];
            var community = (String) r[7];
            var street = (String) r[8];
            if (!scope.everything() && (street == null && community == null
                    || community != null && !scope.covers(community)
                    || community == null && street != null && !coversStreet(scope, street))) {
                hidden.add(id);
            }
            var place = (String) r[6];
            byId.merge(id, new AccountRow(id, (String) r[1], (String) r[2], (Role) r[3], (boolean) r[4],
                    place == null ? List.of() : List.of(place), (Instant) r[5]), (a, b) -> new AccountRow(a.id(),
                    a.username(), a.displayName(), a.role(), a.enabled(),
                    java.util.stream.Stream.concat(a.places().stream(), b.places().stream()).toList(), a.createdAt()));
        }
        hidden.forEach(byId::remove);
        return List.copyOf(byId.values());
    }

    private boolean coversStreet(AccessScope scope, String street) {
        var ids = jdbc.sql("select id from community where street_id = :s").param("s", street).query(String.class).list();
        return !ids.isEmpty() && ids.stream().allMatch(scope::covers);
    }
}
