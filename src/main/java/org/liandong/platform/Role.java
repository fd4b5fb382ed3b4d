package org.liandong.platform;

import java.util.Locale;

/** The people who use Liandong (DOMAIN.md, "Who uses it"). */
public enum Role {
    RESIDENT(false),
    BUILDING_GROUP_LEADER(false),
    VOLUNTEER(false),
    SOCIAL_WORKER(true),
    COMMUNITY_STAFF(true),
    EXPERT(false),
    STREET_ADMIN(true),
    PLATFORM_ADMIN(true),
    /** The contact of a partner organisation: sees only that organisation (its profile, services and offers). */
    PARTNER(false);

    private final boolean staff;

    Role(boolean staff) {
        this.staff = staff;
    }

    /** Staff see the registry of the communities in their scope. */
    public boolean staff() {
        return staff;
    }

    /** Admins read the audit log and change a community's stage. */
    public boolean admin() {
        return this == STREET_ADMIN || this == PLATFORM_ADMIN;
    }

    public static java.util.Set<Role> staffRoles() {
        var roles = java.util.EnumSet.noneOf(Role.class);
        for (var role : values()) {
            if (role.staff) {
                roles.add(role);
            }
        }
        return roles;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name().toLowerCase(Locale.ROOT);
    }
}
