package org.liandong.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An account's e-mail address: set by the person on their own page or by an admin of their scope (audited),
 * checked, stored encrypted, only ever shown masked; a bad address changes nothing.
 */
@LiandongTest
class AccountEmailIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired AccountEmails emails;
    @Autowired JdbcClient jdbc;

    String stored(UUID id) {
        return jdbc.sql("select email from user_account where id = :id").param("id", id).query(String.class).optional()
                .orElse(null);
    }

    @Test
    void aResidentSetsAnAddressThatIsStoredEncryptedAndShownMasked() throws Exception {
        var street = fixtures.street();
        var phone = fixtures.residentAccount(street.a());
        var me = users.loadUserByUsername(phone);
        var id = accounts.idOf(phone).orElseThrow();

        mvc.perform(get("/my/email").with(user(me))).andExpect(content().string(containsString("还没有设置邮箱")));
        mvc.perform(post("/my/email").with(user(me)).with(csrf()).param("email", " wang.lijuan@Example.ORG "))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(id)).startsWith("v1:").doesNotContain("wang");
        assertThat(emails.of(id)).contains("wang.lijuan@example.org");
        mvc.perform(get("/my/email").with(user(me)))
                .andExpect(content().string(containsString("w***@example.org")))
                .andExpect(content().string(not(containsString("wang.lijuan"))));

        for (var bad : List.of("wang", "wang@", "@example.org", "wang lijuan@example.org", "wang@example",
                "<script>alert(1)</script>@example.org", "wang@@example.org", "a".repeat(70) + "@example.org")) {
            mvc.perform(post("/my/email").with(user(me)).with(csrf()).param("email", bad))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("邮箱格式不对")))
                    .andExpect(content().string(not(containsString("<script>alert(1)"))));
        }
        assertThat(emails.of(id)).as("nothing changed").contains("wang.lijuan@example.org");

        mvc.perform(post("/my/email").with(user(me)).with(csrf()).param("email", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(id)).isNull();
        assertThat(emails.of(id)).isEmpty();
    }

    @Test
    void adminsSetTheAddressOfAccountsInTheirScopeOnlyAndItIsAudited() throws Exception {
        var street = fixtures.street();
        var other = fixtures.street();
        var admin = users.loadUserByUsername(street.streetAdminUsername());
        var staff = accounts.idOf(street.a().staffUsername()).orElseThrow();
        var outsider = accounts.idOf(other.a().staffUsername()).orElseThrow();

        mvc.perform(post("/admin/accounts/" + staff + "/email").with(user(admin)).with(csrf())
                .param("email", "zhang.wei@example.org")).andExpect(status().is3xxRedirection());
        assertThat(emails.of(staff)).contains("zhang.wei@example.org");
        mvc.perform(get("/admin/accounts").with(user(admin)))
                .andExpect(content().string(containsString("z***@example.org")))
                .andExpect(content().string(not(containsString("zhang.wei@"))));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.email.set' and subject_id = :s")
                .param("s", staff.toString()).query(Long.class).single()).isEqualTo(1L);

        mvc.perform(post("/admin/accounts/" + outsider + "/email").with(user(admin)).with(csrf())
                .param("email", "x@example.org")).andExpect(status().isNotFound());
        assertThat(emails.of(outsider)).isEmpty();
        var flash = mvc.perform(post("/admin/accounts/" + staff + "/email").with(user(admin)).with(csrf())
                .param("email", "not an address")).andReturn().getFlashMap().get("problem");
        assertThat((String) flash).contains("邮箱格式不对");
        assertThat(emails.of(staff)).contains("zhang.wei@example.org");

        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        mvc.perform(post("/admin/accounts/" + staff + "/email").with(user(resident)).with(csrf())
                .param("email", "x@example.org")).andExpect(status().isForbidden());
    }

    @Test
    void theFormatCheckAndTheMask() {
        assertThat(AccountEmails.check("Li.Na+notice@Mail.Example.CN")).isEqualTo("Li.Na+notice@mail.example.cn");
        assertThat(AccountEmails.mask("li.na@example.cn")).isEqualTo("l***@example.cn");
        assertThatThrownBy(() -> AccountEmails.check("li..na@example.cn")).hasMessage("account.email.invalid");
        assertThatThrownBy(() -> AccountEmails.check("li@[127.0.0.1]")).hasMessage("account.email.invalid");
        assertThatThrownBy(() -> emails.set(UUID.randomUUID(), "a@example.org")).hasMessage("error.not-found");
        assertThat(Role.RESIDENT.staff()).isFalse();
    }
}
