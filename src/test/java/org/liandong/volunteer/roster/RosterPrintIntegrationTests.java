package org.liandong.volunteer.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.volunteer.VolunteerFixtures;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The printable roster of a post for a week is a PDF with the Chinese post name in it. */
@LiandongTest
class RosterPrintIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired UserDetailsService users;
    @Autowired Posts posts;
    @Autowired DutyRosters rosters;

    @Test
    void printedRosterIsAPdfWithTheChinesePostName() throws Exception {
        var gate = RosterFixtures.published(fixtures, volunteers, users, posts, rosters);
        var staff = users.loadUserByUsername(gate.street().a().staffUsername());
        var pdf = mvc.perform(get("/volunteer/rosters/{id}/print.pdf", gate.rosterId())
                        .param("post", gate.postId().toString()).param("week", "0").with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var text = new StringBuilder();
        var reader = new PdfReader(pdf);
        var extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        reader.close();
        assertThat(text.toString()).contains("东门").contains("值班表");
        Files.write(Path.of("target/roster-print.pdf"), pdf);

        mvc.perform(get("/volunteer/rosters/{id}/print.pdf", gate.rosterId()).param("post", gate.postId().toString())
                        .param("week", "7").with(user(staff)))
                .andExpect(status().isBadRequest());
    }
}
