package org.liandong.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** ID numbers are never stored or shown in the clear, and every unmasking is in the audit log. */
@LiandongTest
class PersonalDataIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired PersonalDataCipher cipher;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    @Test
    void noColumnOfTheResidentTableHoldsAPlainIdNumber() {
        var rows = jdbc.sql("select * from resident where community_id = :c").param("c", street.a().id())
                .query((rs, n) -> {
                    var values = new java.util.ArrayList<String>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        values.add(String.valueOf(rs.getObject(i)));
                    }
                    return values;
                }).list();
        assertThat(rows).hasSize(14);
        // the plain numbers, known only by decrypting: none of them may appear in any column
        var plain = plainIdNumbers();
        assertThat(plain).hasSize(14).allMatch(id -> ChineseIdNumber.check(id, LocalDate.now()) == null);
        for (var row : rows) {
            assertThat(row).noneMatch(v -> plain.stream().anyMatch(v::contains));
        }
        var stored = jdbc.sql("select id_number_cipher, id_number_hash, id_number_tail from resident where id = :id")
                .param("id", street.a().elderlyAloneWithoutCarer())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        var id = cipher.decrypt(stored[0]);
        assertThat(stored[1]).isEqualTo(cipher.blindIndex(id)).doesNotContain(id);
        assertThat(id).endsWith(stored[2]);
    }

    @Test
    void pagesAndApiShowMaskedNumbersOnly() throws Exception {
        var staff = users.loadUserByUsername(street.a().staffUsername());
        var id = street.a().elderlyAloneWithoutCarer();
        var plain = plainIdNumbers();
        for (var path : new String[] {"/residents/" + id, "/api/v1/residents/" + id,
                "/households/" + street.a().households().get(0), "/residents?community=" + street.a().id()}) {
            var body = mvc.perform(get(path).with(user(staff))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(plain).as(path).noneMatch(body::contains);
        }
    }

    @Test
    void unmaskingNeedsAReasonAndIsAudited() throws Exception {
        var staff = users.loadUserByUsername(street.a().staffUsername());
        var id = street.a().elderlyAloneWithoutCarer();
        mvc.perform(post("/residents/{id}/unmask", id).param("reason", " ").with(user(staff)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请写明为什么")));
        assertThat(auditCount(id)).isZero();

        var body = mvc.perform(post("/residents/{id}/unmask", id).param("reason", "核对高龄津贴").with(user(staff))
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains(cipher.decrypt(jdbc.sql("select id_number_cipher from resident where id = :id")
                .param("id", id).query(String.class).single()));
        assertThat(auditCount(id)).isEqualTo(1);

        // community staff may not read the log; the street admin sees who, whom and why
        mvc.perform(get("/audit").with(user(staff))).andExpect(status().isForbidden());
        var admin = users.loadUserByUsername(street.streetAdminUsername());
        mvc.perform(get("/audit").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("核对高龄津贴")))
                .andExpect(content().string(containsString("王独居")));
    }

    private java.util.List<String> plainIdNumbers() {
        return jdbc.sql("select id_number_cipher from resident where community_id = :c").param("c", street.a().id())
                .query(String.class).list().stream().map(cipher::decrypt).toList();
    }

    private long auditCount(java.util.UUID residentId) {
        return jdbc.sql("select count(*) from audit_entry where subject_id = :id and action = 'UNMASK_ID_NUMBER'")
                .param("id", residentId.toString()).query(Long.class).single();
    }
}
