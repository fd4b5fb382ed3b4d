package org.liandong.supply;

import java.util.Optional;
import java.util.UUID;
import org.liandong.platform.AccessScope;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;

/**
 * A resident acting for one household, with no other rights: what {@link SupplyDesk#reserve} needs of a caller. Used
 * where a household reserves without a login of its own behind it (the demo's story, the rush benchmark's tokens).
 */
public record HouseholdResident(UUID household) implements LiandongUser {

    @Override
    public UUID userId() {
        return household;
    }

    @Override
    public String displayName() {
        return "居民";
    }

    @Override
    public Role role() {
        return Role.RESIDENT;
    }

    @Override
    public AccessScope scope() {
        return AccessScope.none();
    }

    @Override
    public Optional<UUID> householdId() {
        return Optional.of(household);
    }
}
