package org.liandong.volunteer.roster;

import java.util.Set;
import java.util.UUID;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;

/**
 * A volunteer as the solver sees them: what they can do, when, and how long a week. Equal by id only, so
 * the solver's hashing stays cheap.
 */
public record RosterVolunteer(UUID id, String name, String communityId, Set<VolunteerCategory> categories,
                              Set<VolunteerCategory> certified, Availability availability, int hoursPerWeek) {

    public boolean canServe(ShiftAssignment shift) {
        return categories.contains(shift.category()) && (!shift.certificateRequired()
                || certified.contains(shift.category()));
    }

    public boolean availableFor(ShiftAssignment shift) {
        for (int slot : shift.slots()) {
            if (availability.pattern().charAt(slot) != '1') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RosterVolunteer v && v.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
