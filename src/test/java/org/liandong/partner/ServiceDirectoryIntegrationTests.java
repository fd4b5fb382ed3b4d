package org.liandong.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The services directory: staff add services, residents find them, other systems read valid HSDS 3.0. */
@LiandongTest
@Import(PartnerFixtures.class)
class ServiceDirectoryIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    @Test
    void staffExportTheDirectoryForPeopleAsCsvAndXlsx() throws Exception {
        var org = partners.approvedOrganisation(street, OrganisationKind.SOCIAL_ORGANISATION, "=互助社" + street.id());
        var meals = partners.service(street, org, "助餐送餐" + street.id(), ServiceNeed.ELDERLY_CARE);
        var staff = partners.login(street.a().staffUsername());
        var csv = mvc.perform(get("/partner/services.csv").with(user(staff))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"服务名称\"");
        assertThat(csv.lines().filter(l -> l.contains(meals.toString())).findFirst().orElseThrow())
                .contains("\"助餐送餐" + street.id() + "\"", "\"'=互助社" + street.id() + "\"", "为老服务");
        var xlsx = mvc.perform(get("/partner/services.xlsx").with(user(staff))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = workbook.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("服务名称");
            var row = rows.stream().filter(r -> meals.toString().equals(r.getCellText(10))).findFirst().orElseThrow();
            assertThat(row.getCellText(1)).isEqualTo("=互助社" + street.id()); // a text cell, never a formula
            assertThat(row.getCellText(6)).isEqualTo("每天 10:30–12:00，16:30–18:00");
        }
        mvc.perform(get("/partner/services.xlsx").with(user(partners.login(fixtures.residentAccount(street.a())))))
                .andExpect(status().isForbidden());
    }

    @Test
    void residentsFindServicesByNeedWordsAndCommunity() throws Exception {
        var org = partners.approvedOrganisation(street, OrganisationKind.SOCIAL_ORGANISATION, "乐龄互助社" + street.id());
        var meals = partners.service(street, org, "独居老人助餐送餐" + street.id(), ServiceNeed.ELDERLY_CARE);
        var resident = partners.login(fixtures.residentAccount(street.a()));
        mvc.perform(get("/partner/services").param("need", "ELDERLY_CARE").param("communityId", street.a().id())
                        .with(user(resident)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("独居老人助餐送餐" + street.id())));
        mvc.perform(get("/partner/services").param("q", "送餐" + street.id()).with(user(resident)))
                .andExpect(content().string(containsString("乐龄互助社")));
        mvc.perform(get("/partner/services").param("need", "LEGAL_AID").param("q", street.id()).with(user(resident)))
                .andExpect(content().string(not(containsString("独居老人助餐送餐"))));
        mvc.perform(get("/partner/services/{id}", meals).with(user(resident)))
                .andExpect(content().string(containsString("长者食堂")))
                .andExpect(content().string(containsString("枫林路 100 号")))
                .andExpect(content().string(containsString("上海话")));

        // a pending organisation's services stay out of the directory
        var admin = partners.user(street.streetAdminUsername());
        jdbc.sql("update partner_organisation set status = 'SUSPENDED' where id = :o").param("o", org).update();
        mvc.perform(get("/partner/services").param("q", street.id()).with(user(resident)))
                .andExpect(content().string(not(containsString("独居老人助餐送餐"))));
        mvc.perform(get("/partner/services/{id}", meals).with(user(resident))).andExpect(status().isNotFound());
        assertThat(admin.scope().covers(street.a().id())).isTrue();
    }

    @Test
    void badServicesGetAReasonAndWriteNothing() throws Exception {
        var org = partners.approvedOrganisation(street, OrganisationKind.HOSPITAL, "社区医院" + street.id());
        var staff = partners.login(street.a().staffUsername());
        var before = jdbc.sql("select count(*) from partner_service").query(Long.class).single();
        mvc.perform(post("/partner/organisations/{id}/services", org).param("name", "慢病配药").param("need", "MEDICINE")
                .param("minimumAge", "80").param("maximumAge", "60").param("free", "true")
                .with(user(staff)).with(csrf())).andExpect(flash().attribute("problem", containsString("最小年龄")));
        mvc.perform(post("/partner/organisations/{id}/services", org).param("name", "慢病配药").param("need", "MEDICINE")
                .with(user(staff)).with(csrf())).andExpect(flash().attribute("problem", containsString("费用")));
        mvc.perform(post("/partner/organisations/{id}/services", org).param("name", "慢病配药").param("need", "NOPE")
                .param("free", "true").with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("选择")));
        mvc.perform(post("/partner/organisations/{id}/services", org).param("name", "慢病配药").param("need", "MEDICINE")
                .param("free", "true").param("locationName", "门诊部").with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("地址")));
        assertThat(jdbc.sql("select count(*) from partner_service").query(Long.class).single()).isEqualTo(before);
        mvc.perform(post("/partner/organisations/{id}/services", org).param("name", "慢病配药").param("need", "MEDICINE")
                .param("free", "true").with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.service.added"));
    }

    @Test
    void theHsdsApiAnswersServicesAndOrganisationsThatValidateAgainstTheSchemas() throws Exception {
        var org = partners.approvedOrganisation(street, OrganisationKind.FOUNDATION, "蓝天基金会" + street.id());
        var id = partners.service(street, org, "助老送餐" + street.id(), ServiceNeed.ELDERLY_CARE);
        var staff = partners.login(street.a().staffUsername());
        mvc.perform(post("/partner/organisations/{id}/contacts", org).param("name", "周主任").param("phone", "13912345678")
                .param("email", "zhou@example.org").with(user(staff)).with(csrf()));

        var one = mvc.perform(get("/api/v1/hsds/services/{id}", id).with(user(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HsdsSchemas.errors("service", one)).isEmpty();
        var json = new ObjectMapper().readTree(one);
        assertThat(json.get("status").asText()).isEqualTo("active");
        assertThat(json.get("organization").get("name").asText()).isEqualTo("蓝天基金会" + street.id());
        assertThat(json.get("service_at_locations").get(0).get("location").get("addresses").get(0).get("address_1")
                .asText()).isEqualTo("枫林路 100 号");
        assertThat(json.get("languages")).hasSize(2);
        assertThat(json.get("service_areas")).hasSize(2);

        var page = new ObjectMapper().readTree(mvc.perform(get("/api/v1/hsds/services").param("search", street.id())
                .with(httpBasic(street.a().staffUsername(), Fixtures.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.get("total_items").asInt()).isEqualTo(1);
        assertThat(HsdsSchemas.errors("service", page.get("contents").get(0).toString())).isEmpty();

        var organisations = new ObjectMapper().readTree(mvc.perform(get("/api/v1/hsds/organizations").with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        var mine = organisations.get("contents").valueStream()
                .filter(o -> o.get("id").asText().equals(org.toString())).findFirst().orElseThrow();
        assertThat(HsdsSchemas.errors("organization", mine.toString())).isEmpty();
        assertThat(mine.toString()).contains("周主任").doesNotContain("13912345678");

        mvc.perform(get("/api/v1/hsds/services")).andExpect(status().isUnauthorized());
    }
}
