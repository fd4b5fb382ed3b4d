package org.liandong.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Health is public; metrics are for platform admins; the API is described by OpenAPI. */
@LiandongTest
class OperationsIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;

    @Test
    void healthIsPublicAndMetricsAreNot() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().string(containsString("UP")));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        var street = fixtures.street();
        mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername(street.a().staffUsername()))))
                .andExpect(status().isForbidden());
        var admin = "ops-" + street.id();
        accounts.create(admin, "运维", Fixtures.PASSWORD, Role.PLATFORM_ADMIN, List.of(), List.of(), null);
        mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername(admin))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void theApiIsDescribed() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/residents")));
    }
}
