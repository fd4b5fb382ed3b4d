package org.liandong.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Staff register the street's partners; duplicates are refused; admins vet; contacts' phones stay masked. */
@LiandongTest
@Import(PartnerFixtures.class)
class PartnerOrganisationIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    ResultActions register(String username, String name, String registration) throws Exception {
        return mvc.perform(post("/partner/organisations").param("streetId", street.id()).param("kind", "FOUNDATION")
                .param("name", name).param("registrationNumber", registration)
                .param("description", "关注社区防疫物资的公益基金会").param("phone", "021-6400 1234")
                .with(user(partners.login(username))).with(csrf()));
    }

    long organisations() {
        return jdbc.sql("select count(*) from partner_organisation where street_id = :s").param("s", street.id())
                .query(Long.class).single();
    }

    UUID idOf(String name) {
        return jdbc.sql("select id from partner_organisation where street_id = :s and name = :n")
                .param("s", street.id()).param("n", name).query(UUID.class).single();
    }

    @Test
    void staffRegisterAPartnerAndTheStreetAdminApprovesIt() throws Exception {
        var number = "53310000MJ" + String.format("%08d", Math.abs(street.id().hashCode()) % 100_000_000);
        register(street.a().staffUsername(), "爱心基金会（上海）", number)
                .andExpect(flash().attribute("ok", "partner.organisation.registered"));
        var id = idOf("爱心基金会（上海）");
        assertThat(jdbc.sql("select status from partner_organisation where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("PENDING");

        // the same name written differently, and the same registration number under another name: refused
        register(street.b().staffUsername(), "爱心基金会 (上海)", "").andExpect(flash().attribute("problem",
                containsString("已登记同名机构")));
        register(street.b().staffUsername(), "另一个基金会", number.toLowerCase()).andExpect(flash().attribute("problem",
                containsString("爱心基金会（上海）")));
        register(street.b().staffUsername(), "第三个基金会", "123").andExpect(flash().attribute("problem",
                containsString("18 位")));
        register(street.b().staffUsername(), "", "").andExpect(flash().attribute("problem", containsString("名称")));
        assertThat(organisations()).isEqualTo(1);

        // community staff may not vet; the street admin may; a suspension needs a reason
        mvc.perform(post("/partner/organisations/{id}/review", id).param("status", "APPROVED")
                .with(user(partners.login(street.a().staffUsername()))).with(csrf())).andExpect(status().isForbidden());
        var admin = partners.login(street.streetAdminUsername());
        mvc.perform(post("/partner/organisations/{id}/review", id).param("status", "SUSPENDED").with(user(admin))
                .with(csrf())).andExpect(flash().attribute("problem", containsString("原因")));
        mvc.perform(post("/partner/organisations/{id}/review", id).param("status", "APPROVED").with(user(admin))
                .with(csrf())).andExpect(flash().attribute("ok", "partner.organisation.reviewed"));
        mvc.perform(get("/partner/organisations").param("status", "APPROVED").with(user(admin)))
                .andExpect(content().string(containsString("爱心基金会（上海）")));

        // another street's staff do not see it at all
        var other = fixtures.street();
        mvc.perform(get("/partner/organisations/{id}", id).with(user(partners.login(other.a().staffUsername()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/partner/organisations").with(user(partners.login(other.a().staffUsername()))))
                .andExpect(content().string(not(containsString("爱心基金会（上海）"))));
        // residents do not reach the register
        mvc.perform(get("/partner/organisations").with(user(partners.login(fixtures.residentAccount(street.a())))))
                .andExpect(status().isForbidden());
    }

    @Test
    void contactPhonesAreEncryptedMaskedAndRevealedOnlyWithAnAuditEntry() throws Exception {
        var id = partners.approvedOrganisation(street, OrganisationKind.SOCIAL_WORK_AGENCY, "知心社工事务所");
        var staff = partners.login(street.a().staffUsername());
        mvc.perform(post("/partner/organisations/{id}/contacts", id).param("name", "陈社工").param("title", "项目主管")
                .param("phone", "139 1234 5678").with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.contact.added"));
        mvc.perform(post("/partner/organisations/{id}/contacts", id).param("name", "无联系方式")
                .with(user(staff)).with(csrf())).andExpect(flash().attribute("problem", containsString("电话或电子邮箱")));
        assertThat(jdbc.sql("select phone_cipher from partner_contact where organisation_id = :o").param("o", id)
                .query(String.class).single()).doesNotContain("13912345678");

        mvc.perform(get("/partner/organisations/{id}", id).with(user(staff)))
                .andExpect(content().string(containsString("139****5678")))
                .andExpect(content().string(not(containsString("13912345678"))));
        var audits = jdbc.sql("select count(*) from audit_entry where subject_id = :s").param("s", id.toString())
                .query(Long.class).single();
        mvc.perform(post("/partner/organisations/{id}/contacts/reveal", id).with(user(staff)).with(csrf()))
                .andExpect(content().string(containsString("13912345678")));
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = :s and action = 'partner.contacts.view'")
                .param("s", id.toString()).query(Long.class).single()).isEqualTo(audits + 1);
    }

    @Test
    void anOrganisationServesOnlyCommunitiesOfItsStreetInTheStaffsScope() throws Exception {
        var id = partners.approvedOrganisation(street, OrganisationKind.HOSPITAL, "枫林社区卫生服务中心");
        var staffA = partners.login(street.a().staffUsername());
        mvc.perform(post("/partner/organisations/{id}/communities", id).param("communityIds", street.b().id())
                .with(user(staffA)).with(csrf())).andExpect(flash().attribute("problem", containsString("管辖范围")));
        // staff of A clearing their own community keep B's, which they cannot see
        mvc.perform(post("/partner/organisations/{id}/communities", id).with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.communities.saved"));
        assertThat(jdbc.sql("select community_id from partner_service_area where organisation_id = :o")
                .param("o", id).query(String.class).list()).containsExactly(street.b().id());
    }

    @Test
    void theStreetRecordsAPurchasedServiceContractAndItsProgress() throws Exception {
        var id = partners.approvedOrganisation(street, OrganisationKind.SOCIAL_WORK_AGENCY, "阳光社工服务社" + street.id());
        var admin = partners.login(street.streetAdminUsername());
        var staff = partners.login(street.a().staffUsername());
        var today = java.time.LocalDate.now();
        mvc.perform(post("/partner/organisations/{id}/contracts", id).param("project", "独居老人关爱项目")
                .param("startsOn", today.minusMonths(1).toString()).param("endsOn", today.plusMonths(11).toString())
                .param("budget", "300000").param("deliverables", "每月探访独居老人 200 人次")
                .param("communityIds", street.a().id()).with(user(staff)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/partner/organisations/{id}/contracts", id).param("project", "独居老人关爱项目")
                .param("startsOn", today.toString()).param("endsOn", today.minusDays(1).toString())
                .param("budget", "300000").param("deliverables", "每月探访").param("communityIds", street.a().id())
                .with(user(admin)).with(csrf())).andExpect(flash().attribute("problem", containsString("结束日期")));
        mvc.perform(post("/partner/organisations/{id}/contracts", id).param("project", "独居老人关爱项目")
                .param("startsOn", today.toString()).param("endsOn", today.plusDays(1).toString())
                .param("budget", "-3").param("deliverables", "每月探访").param("communityIds", street.a().id())
                .with(user(admin)).with(csrf())).andExpect(flash().attribute("problem", containsString("预算")));
        assertThat(jdbc.sql("select count(*) from partner_contract where organisation_id = :o").param("o", id)
                .query(Long.class).single()).isZero();
        mvc.perform(post("/partner/organisations/{id}/contracts", id).param("project", "独居老人关爱项目")
                .param("startsOn", today.minusMonths(1).toString()).param("endsOn", today.plusMonths(11).toString())
                .param("budget", "300,000.50").param("deliverables", "每月探访独居老人 200 人次")
                .param("communityIds", street.a().id(), street.b().id()).with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.contract.signed"));
        var contract = jdbc.sql("select id from partner_contract where organisation_id = :o").param("o", id)
                .query(UUID.class).single();
        mvc.perform(post("/partner/organisations/{id}/contracts/{c}/progress", id, contract).param("percent", "30")
                .param("note", "已探访 180 人次").with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.contract.reported"));
        mvc.perform(post("/partner/organisations/{id}/contracts/{c}/progress", id, contract).param("percent", "20")
                .param("note", "倒退").with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("不低于上次")));
        mvc.perform(get("/partner/organisations/{id}", id).with(user(staff)))
                .andExpect(content().string(containsString("独居老人关爱项目")))
                .andExpect(content().string(containsString("300,000.50")))
                .andExpect(content().string(containsString("已探访 180 人次")));
    }
}
