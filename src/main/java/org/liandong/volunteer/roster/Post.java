package org.liandong.volunteer.roster;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.volunteer.VolunteerCategory;

/** A place a community staffs (东门, a pick-up point, the hotline) with the shifts it needs each day. */
public record Post(UUID id, String communityId, PostKind kind, String name, @Nullable String address,
                   VolunteerCategory category, boolean certificateRequired, List<ShiftTemplate> templates) {

    public int seatsPerDay() {
        return templates.stream().mapToInt(ShiftTemplate::headcount).sum();
    }
}
