package org.liandong.volunteer.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.Masked;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The public thank-you board keeps people private; certificates carry the name and verify, forgeries do not. */
@LiandongTest
class VolunteerServiceIntegrationTests {

    static final Pattern NUMBER = Pattern.compile("LD\\d{4}-[0-9A-Z]{8}");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired ServiceHours hours;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    Fixtures.TestStreet street;
    VolunteerFixtures.TestVolunteer wang;
    VolunteerFixtures.TestVolunteer li;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        wang = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        li = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        // give wang a real Chinese name, as a person would have
        jdbc.sql("update volunteer set name = :n where id = :id").param("n", "王秀英").param("id", wang.id()).update();
    }

    void served(VolunteerFixtures.TestVolunteer v, int minutes, Instant at) {
        hours.record(v.id(), v.communityId(), ServiceHours.Source.ATTENDANCE, minutes, at, "东门", "test", false, null,
                null);
    }

    @Test
    void thankYouBoardShowsMaskedNamesAndHoursButNoPhones() throws Exception {
        var now = Instant.now();
        served(wang, 600, now);
        served(li, 90, now);
        var month = YearMonth.from(now.atZone(ServiceHours.ZONE));
        var page = mvc.perform(get("/volunteer/thanks/{c}", street.a().id()).param("month", month.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王**")))
                .andExpect(content().string(containsString(Masked.name(li.name()))))
                .andExpect(content().string(containsString("10.0")))
                .andExpect(content().string(not(containsString("王秀英"))))
                .andExpect(content().string(not(containsString(li.name()))))
                .andReturn().getResponse().getContentAsString();
        for (var v : new VolunteerFixtures.TestVolunteer[] {wang, li}) {
            var phone = v.username().substring(1);
            assertThat(page).doesNotContain(phone).doesNotContain(Masked.phone(phone));
        }
        assertThat(page.indexOf("王**")).isLessThan(page.indexOf(Masked.name(li.name())));
        // another month, a bad month, an unknown community: a page or a message, never a server error
        mvc.perform(get("/volunteer/thanks/{c}", street.a().id()).param("month", month.minusMonths(1).toString()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("王**"))));
        mvc.perform(get("/volunteer/thanks/{c}", street.a().id()).param("month", "2026-13"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/volunteer/thanks/{c}", "nowhere")).andExpect(status().isNotFound());
    }

    @Test
    void certificateIsAPdfWithTheChineseNameAndItsNumberVerifies() throws Exception {
        served(wang, 750, Instant.now().minusSeconds(86_400 * 20));
        served(wang, 60, Instant.now());
        var me = users.loadUserByUsername(wang.username());
        var pdf = mvc.perform(get("/volunteer/me/certificate.pdf").with(user(me)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (var reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            text = new PdfTextExtractor(reader).getTextFromPage(1);
        }
        assertThat(text).contains("王秀英").contains("13.5");
        var matcher = NUMBER.matcher(text);
        assertThat(matcher.find()).as("certificate number in " + text).isTrue();
        var number = matcher.group();
        var stored = jdbc.sql("select number from volunteer_certificate where volunteer_id = :v")
                .param("v", wang.id()).query(String.class).list();
        assertThat(stored).containsExactly(number);

        // the same hours give the same certificate
        mvc.perform(get("/volunteer/me/certificate.pdf").with(user(me))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from volunteer_certificate where volunteer_id = :v")
                .param("v", wang.id()).query(Integer.class).single()).isEqualTo(1);

        // anyone can verify it, without signing in
        mvc.perform(get("/volunteer/certificates/{n}", number)).andExpect(status().isOk())
                .andExpect(content().string(containsString("王**")))
                .andExpect(content().string(containsString("13.5")))
                .andExpect(content().string(not(containsString("王秀英"))));

        // a forged number, or a row changed after issue, does not verify
        var forged = number.substring(0, number.length() - 1) + (number.endsWith("Z") ? "Y" : "Z");
        mvc.perform(get("/volunteer/certificates/{n}", forged)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("王**"))));
        mvc.perform(get("/volunteer/certificates/{n}", "<script>")).andExpect(status().isNotFound());
        jdbc.sql("update volunteer_certificate set minutes = 99999 where number = :n").param("n", number).update();
        mvc.perform(get("/volunteer/certificates/{n}", number)).andExpect(status().isNotFound());
    }

    @Test
    void everythingReadsInEnglishToo() throws Exception {
        served(wang, 90, Instant.now());
        var me = users.loadUserByUsername(wang.username());
        for (var path : new String[] {"/volunteer/me/hours", "/volunteer/me/tasks"}) {
            mvc.perform(get(path).param("lang", "en").with(user(me))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))))
                    .andExpect(content().string(not(containsString("我的"))));
        }
        mvc.perform(get("/volunteer/me/hours").param("lang", "en").with(user(me)))
                .andExpect(content().string(containsString("My volunteer hours")))
                .andExpect(content().string(containsString("Sprout")));
        mvc.perform(get("/volunteer/thanks/{c}", street.a().id()).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("thank-you board")))
                .andExpect(content().string(not(containsString("??"))));
        var staff = users.loadUserByUsername(street.a().staffUsername());
        for (var path : new String[] {"/volunteer/tasks", "/volunteer/checkin-points", "/volunteer/hours"}) {
            mvc.perform(get(path).param("lang", "en").with(user(staff))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
        }
        var pdf = mvc.perform(get("/volunteer/me/certificate.pdf").param("lang", "en").with(user(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var reader = new PdfReader(pdf)) {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Certificate of Volunteer Service")
                    .contains("王秀英").contains("residents' committee");
        }
    }

    @Test
    void noHoursNoCertificateButAClearMessage() throws Exception {
        mvc.perform(get("/volunteer/me/certificate.pdf").with(user(users.loadUserByUsername(li.username()))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/volunteer/me/certificate.pdf")
                .with(user(users.loadUserByUsername(street.a().staffUsername())))).andExpect(status().isForbidden());
    }
}
