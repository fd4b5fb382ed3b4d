package org.liandong.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@LiandongTest
class AccountIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    @Test
    void staffSignInWithTheFormAndPasswordsAreHashed() throws Exception {
        mvc.perform(formLogin("/login").user(street.a().staffUsername()).password(Fixtures.PASSWORD))
                .andExpect(authenticated().withUsername(street.a().staffUsername()));
        mvc.perform(formLogin("/login").user(street.a().staffUsername()).password("wrong-password"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        // the session lives in the database, so any application node can serve the next request
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", street.a().staffUsername()).query(Long.class).single()).isPositive();
        var hash = jdbc.sql("select password_hash from user_account where username = :u")
                .param("u", street.a().staffUsername()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() throws Exception {
        var username = street.b().staffUsername();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("guess-" + i)).andExpect(unauthenticated());
        }
        // even the right password is refused while the account is locked
        mvc.perform(formLogin("/login").user(username).password(Fixtures.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login").param("locked", "").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("账号已暂时锁定")));
    }

    @Test
    void residentRegistersClaimsAHouseholdAndStaffConfirm() throws Exception {
        var phone = "1391" + String.format("%07d", (int) (Math.random() * 9_999_999));
        mvc.perform(post("/register").param("phone", phone).param("name", "张0").param("password", "long-enough-1")
                        .param("passwordAgain", "long-enough-1").with(csrf()))
                .andExpect(status().is3xxRedirection());
        var resident = users.loadUserByUsername(phone);
        mvc.perform(post("/my/household/claim").param("communityId", street.a().id())
                        .param("building", street.a().buildingNames().get(0)).param("room", "101")
                        .param("residentName", "张0").with(user(resident)).with(csrf()))
                .andExpect(redirectedUrl("/my/household"));
        // the resident still sees no household until staff confirm
        mvc.perform(get("/api/v1/me/household").with(user(resident))).andExpect(status().isNotFound());
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(get("/claims").with(user(staffB))).andExpect(content().string(
                org.hamcrest.Matchers.not(containsString(phone))));
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(get("/claims").with(user(staffA))).andExpect(content().string(containsString(phone)));
        var claimId = jdbc.sql("select hc.id from household_claim hc join user_account u on u.id = hc.user_id where u.username = :p")
                .param("p", phone).query(java.util.UUID.class).single();
        mvc.perform(post("/claims/{id}", claimId).param("decision", "confirm").with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/claims/{id}", claimId).param("decision", "confirm").with(user(staffA)).with(csrf()))
                .andExpect(redirectedUrl("/claims"));
        mvc.perform(get("/api/v1/me/household").with(user(resident)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(
                        street.a().households().get(0).toString())));
    }

    @Test
    void registrationRejectsBadInputWithAClearMessageAndCreatesNothing() throws Exception {
        mvc.perform(post("/register").param("phone", "12345").param("name", "某").param("password", "long-enough-1")
                        .param("passwordAgain", "long-enough-1").with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andExpect(content().string(containsString("11 位大陆手机号")));
        mvc.perform(post("/register").param("phone", "13912340000").param("name", "某").param("password", "short")
                        .param("passwordAgain", "short").param("lang", "en").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("at least 8 characters")));
        assertThat(jdbc.sql("select count(*) from user_account where username in ('12345', '13912340000')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void residentsSeeOnlyTheirOwnHousehold() throws Exception {
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        mvc.perform(get("/api/v1/me/household").with(user(resident))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/households/{id}", street.a().households().get(1)).with(user(resident)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/residents").with(user(resident))).andExpect(status().isForbidden());
        mvc.perform(get("/my/household").with(user(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("101")));
    }

    @Test
    void apiCallsOfAnotherCommunityAnswerNotFound() throws Exception {
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        var a = street.a();
        mvc.perform(get("/api/v1/residents/{id}", a.elderlyAloneWithoutCarer()).with(user(staffB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/households/{id}", a.households().get(0)).with(user(staffB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/residents").param("community", a.id()).with(user(staffB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/communities/{id}/buildings", a.id()).with(user(staffB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/residents").with(user(staffB)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(
                        containsString(a.elderlyAloneWithoutCarer().toString()))));
        mvc.perform(get("/api/v1/residents/{id}", a.elderlyAloneWithoutCarer())).andExpect(status().isUnauthorized());
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(post("/residents/{id}/unmask", street.a().elderlyAloneWithoutCarer()).param("reason", "x")
                .with(user(staffA))).andExpect(status().isForbidden());
    }

    @Test
    void streetAdminsOpenStaffAccountsInsideTheirStreetOnly() throws Exception {
        var admin = users.loadUserByUsername(street.streetAdminUsername());
        var other = fixtures.street();
        var name = "sw-" + street.a().id();
        mvc.perform(post("/admin/accounts").param("username", name).param("displayName", "社工小李")
                        .param("password", "long-enough-1").param("role", "SOCIAL_WORKER")
                        .param("communities", other.a().id()).with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/accounts").param("username", name).param("displayName", "社工小李")
                        .param("password", "long-enough-1").param("role", "PLATFORM_ADMIN")
                        .param("communities", street.a().id()).with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能创建这个角色")));
        mvc.perform(post("/admin/accounts").param("username", "<x>").param("displayName", "社工小李")
                        .param("password", "long-enough-1").param("role", "SOCIAL_WORKER")
                        .param("communities", street.a().id()).with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("用户名为 3–50 位")));
        assertThat(jdbc.sql("select count(*) from user_account where username = :u").param("u", name)
                .query(Long.class).single()).isZero();
        mvc.perform(post("/admin/accounts").param("username", name).param("displayName", "社工小李")
                        .param("password", "long-enough-1").param("role", "SOCIAL_WORKER")
                        .param("communities", street.a().id()).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts"));
        var worker = (org.liandong.platform.LiandongUser) users.loadUserByUsername(name);
        assertThat(worker.scope().communityIds()).containsExactly(street.a().id());
        mvc.perform(get("/admin/accounts").with(user(admin))).andExpect(content().string(containsString(name)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(other.a().staffUsername()))));
        mvc.perform(get("/admin/accounts").with(user(users.loadUserByUsername(street.a().staffUsername()))))
                .andExpect(status().isForbidden());
    }
}
