package org.liandong.community.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.RegistryWriter;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.Masked;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The export: the search's residents as .xlsx, masked, audited, and only within the person's scope. */
@LiandongTest
class RegistryImportExportIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired RegistryWriter writer;
    @Autowired TransactionTemplate tx;

    Fixtures.TestStreet street;
    Fixtures.TestCommunity a;
    UserDetails staffA;
    List<ChineseIdNumber> ids = new ArrayList<>();

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        a = street.a();
        staffA = users.loadUserByUsername(a.staffUsername());
        for (int i = 0; i < 3; i++) {
            ids.add(Fixtures.nextIdNumber());
        }
        tx.executeWithoutResult(s -> writer.residents(ids.stream().map(id -> new RegistryWriter.NewResident(
                UUID.randomUUID(), a.id(), a.households().get(2), "导出" + id.tail(), id.male() ? 'M' : 'F',
                id.birthDate(), id, "13912345678", Relation.CHILD, Residence.MIGRANT, null, null,
                Set.of(VulnerabilityKind.LOW_INCOME), null)).toList()));
    }

    List<List<String>> sheet(MockHttpServletRequestBuilder request) throws Exception {
        var bytes = mvc.perform(request).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new ReadableWorkbook(new ByteArrayInputStream(bytes));
             var rows = book.getFirstSheet().openStream()) {
            return rows.map(r -> {
                var cells = new ArrayList<String>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                return (List<String>) cells;
            }).toList();
        }
    }

    @Test
    void theExportHasMaskedIdNumbersAndPhonesOnly() throws Exception {
        var rows = sheet(get("/registry/export.xlsx").param("community", a.id()).with(user(staffA)));
        var expected = jdbc.sql("select count(*) from resident where community_id = :c and moved_out is null")
                .param("c", a.id()).query(Long.class).single();
        assertThat(rows).hasSize((int) (expected + 1));
        assertThat(rows.get(0)).contains("社区", "楼栋", "室号", "姓名", "身份证号", "手机号", "困难类型");
        var cells = rows.stream().flatMap(List::stream).toList();
        assertThat(cells).noneMatch(c -> c.matches(".*\\d{17}[\\dX].*")).noneMatch(c -> c.matches(".*1[3-9]\\d{9}.*"));
        for (var id : ids) {
            assertThat(cells).noneMatch(c -> c.contains(id.value())).contains(Masked.idNumber(id.value()));
        }
        assertThat(cells).contains("139****5678", "流动人口", "低保", "导出" + ids.get(0).tail());
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where action = 'EXPORT_RESIDENTS' and community_id = :c
                and reason = :reason""").param("c", a.id()).param("reason", "community=" + a.id())
                .query(Long.class).single()).isEqualTo(1);

        var english = sheet(get("/registry/export.xlsx").param("community", a.id()).param("tag", "low-income")
                .param("lang", "en").with(user(staffA)));
        assertThat(english.get(0)).contains("Community", "ID number", "Mobile", "Vulnerabilities");
        assertThat(english).hasSize(4);
        assertThat(english.stream().flatMap(List::stream)).contains("Migrant", "Low income (dibao)");
    }

    @Test
    void theExportFollowsTheSearchFilters() throws Exception {
        var rows = sheet(get("/registry/export.xlsx").param("community", a.id()).param("withoutCarer", "true")
                .with(user(staffA)));
        var names = rows.stream().skip(1).map(r -> r.get(4)).toList();
        assertThat(names).contains("王独居").doesNotContain("赵小明", "张0");
    }

    @Test
    void anotherCommunitysExportIsNotFound() throws Exception {
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(get("/registry/export.xlsx").param("community", a.id()).with(user(staffB)))
                .andExpect(status().isNotFound());
        // without a community the export holds the person's own scope only
        var own = sheet(get("/registry/export.xlsx").with(user(staffB)));
        assertThat(own.stream().skip(1).map(r -> r.get(0)).distinct().toList()).containsExactly(street.b().name());
        var resident = users.loadUserByUsername(fixtures.residentAccount(a));
        mvc.perform(get("/registry/export.xlsx").with(user(resident))).andExpect(status().isForbidden());
    }
}
