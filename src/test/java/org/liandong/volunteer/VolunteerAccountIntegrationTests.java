package org.liandong.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** An approved volunteer can be given a volunteer account made outside vetting, and only such an account. */
@LiandongTest
class VolunteerAccountIntegrationTests {

    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired VolunteerOffice office;
    @Autowired VolunteerDirectory directory;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;

    private LiandongUser account(Role role) {
        var username = "named-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "吴晓雯", Fixtures.PASSWORD, role, List.of(), List.of(), null);
        return (LiandongUser) users.loadUserByUsername(username);
    }

    @Test
    void aVolunteerSignsInWithTheNamedAccountInsteadOfTheOneApprovalMade() {
        var street = fixtures.street();
        var volunteer = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var named = account(Role.VOLUNTEER);

        office.useAccount(volunteer.id(), named);

        assertThat(directory.byUser(named.userId())).map(VolunteerDirectory.VolunteerView::id).contains(volunteer.id());
        assertThat(directory.byUser(volunteer.userId())).isEmpty();
    }

    @Test
    void anAccountOfAnotherVolunteerOrOfStaffIsRefusedAndNothingChanges() {
        var street = fixtures.street();
        var first = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var second = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var named = account(Role.VOLUNTEER);
        office.useAccount(first.id(), named);

        assertThatThrownBy(() -> office.useAccount(second.id(), named)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("volunteer.account.error.taken");
        assertThatThrownBy(() -> office.useAccount(second.id(), account(Role.COMMUNITY_STAFF)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("volunteer.account.error.not-volunteer");
        assertThat(directory.byUser(named.userId())).map(VolunteerDirectory.VolunteerView::id).contains(first.id());
        assertThat(directory.byUser(second.userId())).map(VolunteerDirectory.VolunteerView::id).contains(second.id());
    }
}
