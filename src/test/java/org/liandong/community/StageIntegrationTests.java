package org.liandong.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The street admin switches a community into "respond"; everyone sees it and other modules hear of it. */
@LiandongTest
@RecordApplicationEvents
class StageIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired Places places;
    @Autowired ApplicationEvents events;

    @Test
    void switchingToRespondNeedsAReasonIsShownAndPublished() throws Exception {
        var street = fixtures.street();
        var admin = users.loadUserByUsername(street.streetAdminUsername());
        mvc.perform(post("/communities/{id}/stage", street.a().id()).param("stage", "RESPOND").param("reason", "")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(places.community(street.a().id()).orElseThrow().stage()).isEqualTo(Stage.PREPARE);
        assertThat(events.stream(CommunityStageChanged.class)).isEmpty();

        mvc.perform(post("/communities/{id}/stage", street.a().id()).param("stage", "RESPOND")
                .param("reason", "出现确诊病例，封闭管理").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(places.community(street.a().id()).orElseThrow().stage()).isEqualTo(Stage.RESPOND);
        assertThat(events.stream(CommunityStageChanged.class))
                .singleElement().satisfies(e -> {
                    assertThat(e.from()).isEqualTo(Stage.PREPARE);
                    assertThat(e.to()).isEqualTo(Stage.RESPOND);
                    assertThat(e.reason()).isEqualTo("出现确诊病例，封闭管理");
                });

        var staff = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(get("/").with(user(staff))).andExpect(content().string(containsString("应急响应")));

        // staff of another community cannot switch this one
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(post("/communities/{id}/stage", street.a().id()).param("stage", "RECOVER").param("reason", "x")
                .with(user(staffB)).with(csrf())).andExpect(status().isNotFound());
        // social workers see the stage but do not switch it
        assertThat(places.community(street.a().id()).orElseThrow().stage()).isEqualTo(Stage.RESPOND);
    }
}
