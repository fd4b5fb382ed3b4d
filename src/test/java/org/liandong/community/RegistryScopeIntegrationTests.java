package org.liandong.community;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Staff of community A cannot see, change or even learn of community B's records. */
@LiandongTest
class RegistryScopeIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    @Test
    void staffSeeTheirOwnCommunity() throws Exception {
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(get("/residents/{id}", street.a().elderlyAloneWithoutCarer()).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("王独居")));
        mvc.perform(get("/households/{id}", street.a().households().get(0)).with(user(staffA)))
                .andExpect(status().isOk());
    }

    @Test
    void staffOfAnotherCommunityGetNotFound() throws Exception {
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        var a = street.a();
        mvc.perform(get("/residents/{id}", a.elderlyAloneWithoutCarer()).with(user(staffB)))
                .andExpect(status().isNotFound()).andExpect(content().string(not(containsString("王独居"))));
        mvc.perform(get("/households/{id}", a.households().get(0)).with(user(staffB)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/residents/{id}/unmask", a.elderlyAloneWithoutCarer()).param("reason", "curious")
                        .with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/residents/{id}/carers", a.elderlyAloneWithoutCarer()).param("carerName", "某人")
                        .param("carerPhone", "13912345678").param("relation", "NEIGHBOUR")
                        .with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/residents").param("community", a.id()).with(user(staffB)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(a.name()))));
        mvc.perform(get("/communities/{id}", a.id()).with(user(staffB))).andExpect(status().isNotFound());
    }

    @Test
    void streetAdminSeesBothCommunities() throws Exception {
        var admin = users.loadUserByUsername(street.streetAdminUsername());
        mvc.perform(get("/residents/{id}", street.a().elderlyAloneWithoutCarer()).with(user(admin)))
                .andExpect(status().isOk());
        mvc.perform(get("/residents/{id}", street.b().elderlyAloneWithoutCarer()).with(user(admin)))
                .andExpect(status().isOk());
    }

    @Test
    void residentsCannotOpenTheRegistry() throws Exception {
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        mvc.perform(get("/residents").with(user(resident))).andExpect(status().isForbidden());
        mvc.perform(get("/households/{id}", street.a().households().get(1)).with(user(resident)))
                .andExpect(status().isForbidden());
    }
}
