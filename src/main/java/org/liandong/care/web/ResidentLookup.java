package org.liandong.care.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Registry;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.springframework.stereotype.Component;

/**
 * Staff name a resident the way they know them on the phone: community, building, room and name. Another
 * community answers 404; a wrong address or name gets a message saying which.
 */
@Component
public class ResidentLookup {

    public record Found(UUID residentId, String name, String communityId) {
    }

    private final Registry registry;

    ResidentLookup(Registry registry) {
        this.registry = registry;
    }

    public Found find(LiandongUser me, @Nullable String community, @Nullable String building, @Nullable String room,
                      @Nullable String name) {
        if (community == null || community.isBlank()) {
            throw new InvalidValueException("care.request.community-required");
        }
        me.scope().check(community);
        if (building == null || building.isBlank() || room == null || room.isBlank() || name == null
                || name.isBlank()) {
            throw new InvalidValueException("care.observation.who-required");
        }
        var household = registry.findHousehold(community, building, room)
                .orElseThrow(() -> new InvalidValueException("care.request.household-not-found", building, room));
        var member = registry.household(me.scope(), household).members().stream()
                .filter(m -> m.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> new InvalidValueException("care.observation.no-such-resident", name.strip()));
        return new Found(member.id(), member.name(), community);
    }
}
