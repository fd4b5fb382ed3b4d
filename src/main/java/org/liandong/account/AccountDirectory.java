package org.liandong.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.UUID;
import org.liandong.community.Places;
import org.liandong.platform.AccessScope;
import org.liandong.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in and expands their street scopes into the communities of those streets. */
@Service
class AccountDirectory implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Places places;
    private final Clock clock;

    AccountDirectory(JdbcClient jdbc, Places places, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var key = username == null ? "" : username.strip();
        return jdbc.sql("select * from user_account where username = :u").param("u", key)
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    var role = Role.valueOf(rs.getString("role"));
                    Timestamp lockedUntil = rs.getTimestamp("locked_until");
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
                    return new SignedInUser(id, rs.getString("username"), rs.getString("display_name"),
                            rs.getString("password_hash"), role, extraRolesOf(id), scopeOf(id, role),
                            rs.getObject("household_id", UUID.class), rs.getBoolean("enabled"), locked);
                })
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    java.util.Set<Role> extraRolesOf(UUID userId) {
        return java.util.Set.copyOf(jdbc.sql("select role from user_role where user_id = :id").param("id", userId)
                .query((rs, n) -> Role.valueOf(rs.getString(1))).list());
    }

    AccessScope scopeOf(UUID userId, Role role) {
        if (role == Role.PLATFORM_ADMIN) {
            return AccessScope.all();
        }
        var ids = new HashSet<String>();
        jdbc.sql("select street_id, community_id from user_scope where user_id = :id").param("id", userId)
                .query(rs -> {
                    var street = rs.getString("street_id");
                    if (street != null) {
                        ids.addAll(places.communityIdsOfStreet(street));
                    } else {
                        ids.add(rs.getString("community_id"));
                    }
                });
        return AccessScope.of(ids);
    }
}
