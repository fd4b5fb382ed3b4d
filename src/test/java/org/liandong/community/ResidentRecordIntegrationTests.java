package org.liandong.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.AccessScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Staff keep records current: phones, needs, carers, moving out; the search follows. */
@LiandongTest
class ResidentRecordIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired ResidentDirectory directory;
    @Autowired JdbcClient jdbc;

    @Test
    void searchFindsByNameIdTailPhoneAndAddress() {
        var street = fixtures.street();
        var scope = AccessScope.of(java.util.List.of(street.a().id()));
        var tail = jdbc.sql("select id_number_tail from resident where id = :id")
                .param("id", street.a().elderlyAloneWithoutCarer()).query(String.class).single();
        var phone = jdbc.sql("select phone from resident where id = :id")
                .param("id", street.a().elderlyAloneWithoutCarer()).query(String.class).single();
        assertThat(ids(scope, "王独居")).containsExactly(street.a().elderlyAloneWithoutCarer());
        assertThat(ids(scope, tail)).contains(street.a().elderlyAloneWithoutCarer());
        assertThat(ids(scope, phone)).containsExactly(street.a().elderlyAloneWithoutCarer());
        assertThat(ids(scope, "1号楼 101")).contains(street.a().elderlyAloneWithoutCarer());
        assertThat(ids(scope, "%")).isEmpty();
        // the same name in community B is not found with A's scope
        assertThat(directory.search(scope, new ResidentDirectory.Query("王独居", null, null, null, false, false), 0, 20)
                .rows()).allMatch(r -> r.communityId().equals(street.a().id()));
        var withoutCarer = directory.search(scope, new ResidentDirectory.Query(null, null, null, null, false, true), 0, 20);
        assertThat(withoutCarer.rows()).extracting(ResidentDirectory.Row::id)
                .containsExactly(street.a().elderlyAloneWithoutCarer());
        var disabled = directory.search(scope, new ResidentDirectory.Query(null, null, null,
                VulnerabilityKind.DISABILITY, false, false), 0, 20);
        assertThat(disabled.rows()).extracting(ResidentDirectory.Row::id).containsExactly(street.a().disabledWithCarer());
    }

    @Test
    void movingOutTakesAResidentOffTheListsButKeepsTheRecord() throws Exception {
        var street = fixtures.street();
        var staff = users.loadUserByUsername(street.a().staffUsername());
        var scope = AccessScope.of(java.util.List.of(street.a().id()));
        mvc.perform(post("/residents/{id}/move-out", street.a().elderlyAloneWithoutCarer())
                .param("on", LocalDate.now().plusDays(3).toString()).with(user(staff)).with(csrf()))
                .andExpect(flash().attributeExists("problem"));
        assertThat(ids(scope, "王独居")).hasSize(1);
        mvc.perform(post("/residents/{id}/move-out", street.a().elderlyAloneWithoutCarer())
                .param("on", LocalDate.now().toString()).with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("ok", "resident.moved-out.saved"));
        assertThat(ids(scope, "王独居")).isEmpty();
        assertThat(jdbc.sql("select count(*) from resident where id = :id")
                .param("id", street.a().elderlyAloneWithoutCarer()).query(Long.class).single()).isOne();
    }

    @Test
    void aWrongPhoneChangesNothing() throws Exception {
        var street = fixtures.street();
        var staff = users.loadUserByUsername(street.a().staffUsername());
        var id = street.a().disabledWithCarer();
        var before = jdbc.sql("select phone from resident where id = :id").param("id", id).query(String.class).single();
        mvc.perform(post("/residents/{id}/contact", id).param("phone", "1234").param("needs", "新需求")
                .with(user(staff)).with(csrf())).andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.sql("select phone || '|' || coalesce(needs, '') from resident where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(before + "|");
        mvc.perform(post("/residents/{id}/contact", id).param("phone", "").param("needs", "每周透析两次")
                .with(user(staff)).with(csrf())).andExpect(flash().attribute("ok", "resident.contact.saved"));
        assertThat(jdbc.sql("select phone || '|' || needs from resident where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(before + "|每周透析两次");
    }

    private java.util.List<java.util.UUID> ids(AccessScope scope, String text) {
        return directory.search(scope, new ResidentDirectory.Query(text, null, null, null, false, false), 0, 50)
                .rows().stream().map(ResidentDirectory.Row::id).toList();
    }
}
