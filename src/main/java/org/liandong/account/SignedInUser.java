package org.liandong.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal kept in the (database-backed) session: who, which role, which communities. */
final class SignedInUser implements LiandongUser, UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String username;
    private final String displayName;
    private @Nullable String passwordHash;
    private final Role role;
    private final @Nullable Set<Role> extraRoles; // null in sessions stored before roles could be added
    private final AccessScope scope;
    private final @Nullable UUID householdId;
    private final boolean enabled;
    private final boolean locked;

    SignedInUser(UUID userId, String username, String displayName, @Nullable String passwordHash, Role role,
                 Set<Role> extraRoles, AccessScope scope, @Nullable UUID householdId, boolean enabled,
                 boolean locked) {
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.extraRoles = Set.copyOf(extraRoles);
        this.scope = scope;
        this.householdId = householdId;
        this.enabled = enabled;
        this.locked = locked;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public Set<Role> roles() {
        var all = EnumSet.of(role);
        if (extraRoles != null) {
            all.addAll(extraRoles);
        }
        return all;
    }

    @Override
    public AccessScope scope() {
        return scope;
    }

    @Override
    public Optional<UUID> householdId() {
        return Optional.ofNullable(householdId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        var authorities = new ArrayList<GrantedAuthority>();
        roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        if (role.staff()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        }
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
