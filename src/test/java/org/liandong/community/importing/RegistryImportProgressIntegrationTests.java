package org.liandong.community.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.community.importing.ImportSheets.csv;
import static org.liandong.community.importing.ImportSheets.idFromRedirect;
import static org.liandong.community.importing.ImportSheets.residents;
import static org.liandong.community.importing.ImportSheets.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Large sheets are checked and committed in the background; the page polls with htmx until they are done. */
@LiandongTest
class RegistryImportProgressIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ImportSettings settings;

    Fixtures.TestCommunity a;
    UserDetails staffA;

    @BeforeEach
    void setUp() {
        a = fixtures.street().a();
        staffA = users.loadUserByUsername(a.staffUsername());
    }

    UUID running(Instant heartbeat) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into registry_import (id, community_id, uploaded_by, file_name, status, total_rows, bad_rows,
                    processed_rows, households, residents, created_at, heartbeat_at)
                values (:id, :c, :by, 'big.xlsx', 'VALIDATING', 50000, 0, 12000, 0, 0, :at, :at)""")
                .param("id", id).param("c", a.id()).param("by", UUID.randomUUID())
                .param("at", Timestamp.from(heartbeat)).update();
        return id;
    }

    String fragment(UUID id) throws Exception {
        return mvc.perform(get("/registry/import/{id}", id).header("HX-Request", "true").with(user(staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunningImportShowsAProgressBarThatPollsOnlyItsFragment() throws Exception {
        var id = running(Instant.now());
        var fragment = fragment(id);
        assertThat(fragment).doesNotContain("<html", "<nav").contains("id=\"import\"", "hx-trigger=\"every 1s\"",
                "hx-get=\"/registry/import/" + id + "\"", "<progress", "value=\"12000\"", "max=\"50000\"",
                "已处理 12,000 / 50,000 行");
        var page = mvc.perform(get("/registry/import/{id}", id).param("lang", "en").with(user(staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html", "hx-trigger=\"every 1s\"", "12,000 of 50,000 rows processed")
                .doesNotContain("<script>");

        // the polling needs htmx itself, which the layout loads by its version-free path
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());

        var stale = running(Instant.now().minus(Duration.ofMinutes(10)));
        assertThat(fragment(stale)).doesNotContain("hx-trigger", "<progress").contains("检查或导入被中断了");
    }

    @Test
    void aLargeSheetIsCheckedAndCommittedInTheBackground() throws Exception {
        var rows = ImportSheets.households(a.buildingNames(), 2000, "后台", new ArrayList<>());
        var bytes = csv(rows);
        assertThat((long) bytes.length).isGreaterThan(settings.backgroundAbove().toBytes());
        var before = residents(jdbc, a.id());
        var location = mvc.perform(multipart("/registry/import")
                        .file(new MockMultipartFile("file", "big.csv", "text/csv", bytes))
                        .param("community", a.id()).with(user(staffA)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var id = idFromRedirect(location);

        var done = pollUntilDone(id);
        assertThat(done).contains("全部 4,000 行检查通过");
        assertThat(status(jdbc, id)).isEqualTo("READY");

        mvc.perform(post("/registry/import/{id}/commit", id).with(user(staffA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(pollUntilDone(id)).contains("新建 2,000 户，新增 4,000 位居民");
        assertThat(status(jdbc, id)).isEqualTo("COMMITTED");
        assertThat(residents(jdbc, a.id())).isEqualTo(before + 4000);
        assertThat(jdbc.sql("select processed_rows from registry_import where id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(4000);
    }

    /** What the browser does: ask for the fragment every second until it no longer asks to be polled. */
    String pollUntilDone(UUID id) throws Exception {
        var end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            var fragment = fragment(id);
            if (!fragment.contains("hx-trigger")) {
                return fragment;
            }
            assertThat(fragment).contains("<progress");
            Thread.sleep(200);
        }
        throw new AssertionError("still running");
    }
}
