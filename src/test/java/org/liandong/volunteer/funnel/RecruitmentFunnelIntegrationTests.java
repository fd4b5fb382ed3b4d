package org.liandong.volunteer.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.AccessScope;
import org.liandong.volunteer.ApplicationParams;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The funnel counts who applied, who was approved, and who still serves 30 and 90 days later. */
@LiandongTest
class RecruitmentFunnelIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired RecruitmentFunnel funnel;

    @Test
    void countsEachStageAndRetentionPerCommunityAndCategory() throws Exception {
        var street = fixtures.street();
        var a = street.a().id();
        // two applications still waiting, from the public form
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/volunteer/apply").params(ApplicationParams.valid(a)).with(csrf()));
        }
        // three approved volunteers: approved 100 days ago and still serving, 40 days ago and gone quiet, today
        var stays = volunteers.volunteer(a, Set.of(VolunteerCategory.GATE), Availability.always());
        var quiet = volunteers.volunteer(a, Set.of(VolunteerCategory.GATE, VolunteerCategory.DELIVERY),
                Availability.always());
        volunteers.volunteer(a, Set.of(VolunteerCategory.DELIVERY), Availability.always());
        approvedDaysAgo(stays.id(), 100);
        approvedDaysAgo(quiet.id(), 40);
        served(stays.id(), Instant.now().minus(Duration.ofDays(2)));
        served(quiet.id(), Instant.now().minus(Duration.ofDays(35)));
        jdbc.sql("update volunteer_application set motivation_score = 90 where id = (select application_id from volunteer where id = :v)")
                .param("v", stays.id()).update();

        var applicants = funnel.applicants(AccessScope.of(List.of(a)));
        var total = funnel.total(applicants, "all");
        assertThat(applicants).hasSize(5);
        assertThat(total.applied()).isEqualTo(5);
        assertThat(total.vetted()).isEqualTo(3);
        assertThat(total.approved()).isEqualTo(3);
        assertThat(total.eligible30()).isEqualTo(2);
        assertThat(total.retained30()).isEqualTo(1);
        assertThat(total.eligible90()).isEqualTo(1);
        assertThat(total.retained90()).isEqualTo(1);
        assertThat(total.motivationStayed()).isEqualTo(90.0);
        assertThat(total.motivationLeft()).isEqualTo(70.0);
        var gate = funnel.byCategory(applicants).stream().filter(s -> s.label().equals("GATE")).findFirst().orElseThrow();
        assertThat(gate.approved()).isEqualTo(2);
        assertThat(gate.retained30Percent()).isEqualTo(50);

        var staffA = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(get("/volunteer/funnel").with(user(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString(street.a().name())))
                .andExpect(content().string(containsString("1 / 2")));
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(get("/volunteer/funnel").with(user(staffB))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(street.a().name()))));
    }

    private void approvedDaysAgo(UUID volunteer, int days) {
        jdbc.sql("update volunteer set approved_at = :at where id = :v")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(days)))).param("v", volunteer).update();
    }

    private void served(UUID volunteer, Instant at) {
        jdbc.sql("""
                insert into volunteer_hours (id, volunteer_id, community_id, source, minutes, at, reason, recorded_by, capped)
                select :id, v.id, v.community_id, 'CORRECTION', 120, :at, 'test', 'test', false from volunteer v
                where v.id = :v""")
                .param("id", UUID.randomUUID()).param("v", volunteer).param("at", Timestamp.from(at)).update();
    }
}
