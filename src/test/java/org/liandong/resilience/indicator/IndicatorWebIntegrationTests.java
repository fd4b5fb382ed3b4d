package org.liandong.resilience.indicator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The indicator pages with the shipped threshold of 30: scope, suppression and no-data states, bad windows. */
@LiandongTest
class IndicatorWebIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;

    @Test
    void aSmallCommunityShowsSuppressedAndNoDataNeverAValue() throws Exception {
        var street = fixtures.street();
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(get("/resilience/indicators").with(user(staffA)))
                .andExpect(redirectedUrl("/resilience/indicators/" + street.a().id()));
        mvc.perform(get("/resilience/indicators/{c}", street.a().id()).with(user(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("每千居民活跃志愿者")))
                // 2 vulnerable residents: below 30
                .andExpect(content().string(containsString("data-indicator=\"vulnerable-with-carer\" data-state=\"SUPPRESSED\"")))
                .andExpect(content().string(containsString("人数过少：不足 30")))
                .andExpect(content().string(containsString("data-indicator=\"volunteers-per-1000\" data-state=\"NO_DATA\"")))
                .andExpect(content().string(containsString("本社区还没有登记的志愿者。")))
                .andExpect(content().string(containsString("暂无可计算的指标")))
                .andExpect(content().string(not(containsString("data-state=\"MEASURED\""))));
    }

    @Test
    void scopeAndTheStreetTable() throws Exception {
        var street = fixtures.street();
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        var admin = users.loadUserByUsername(street.streetAdminUsername());
        mvc.perform(get("/resilience/indicators/{c}", street.a().id()).with(user(staffB))).andExpect(status().isNotFound());
        mvc.perform(get("/resilience/indicators/{c}", "999999999999").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/resilience/indicators").with(user(admin)))
                .andExpect(redirectedUrl("/resilience/indicators/street/" + street.id()));
        mvc.perform(get("/resilience/indicators/street/{s}", street.id()).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString(street.a().name())))
                .andExpect(content().string(containsString(street.b().name())))
                .andExpect(content().string(containsString("不是社区排名")));
        mvc.perform(get("/resilience/indicators/street/{s}", street.id()).with(user(staffB))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(street.a().name()))));
        var other = fixtures.street();
        mvc.perform(get("/resilience/indicators/street/{s}", other.id()).with(user(admin))).andExpect(status().isNotFound());
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        mvc.perform(get("/resilience/indicators/{c}", street.a().id()).with(user(resident)))
                .andExpect(status().isForbidden());
    }

    @Test
    void badWindowsAreRefusedWithAMessage() throws Exception {
        var street = fixtures.street();
        var staff = users.loadUserByUsername(street.a().staffUsername());
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var page = "/resilience/indicators/" + street.a().id();
        mvc.perform(get(page).param("from", today.toString()).param("to", today.minusDays(3).toString())
                .with(user(staff))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("开始日期不能晚于结束日期")));
        mvc.perform(get(page).param("to", today.plusDays(3).toString()).with(user(staff)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("统计期不能晚于今天")));
        mvc.perform(get(page).param("from", today.minusYears(2).toString()).with(user(staff)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("最长 366 天")));
        mvc.perform(get(page).param("from", "yesterday").with(user(staff))).andExpect(status().isBadRequest());
        mvc.perform(get(page).param("from", today.minusDays(7).toString()).with(user(staff))).andExpect(status().isOk());
    }
}
