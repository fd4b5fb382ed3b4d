package org.liandong.care;

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
import org.liandong.care.family.FamilySupport;
import org.liandong.care.referral.Referrals;
import org.liandong.partner.OrganisationKind;
import org.liandong.partner.PartnerFixtures;
import org.liandong.partner.ServiceNeed;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A referral and a family-support case point to a service of the partners' directory; bad choices are refused. */
@LiandongTest
@Import(PartnerFixtures.class)
class ServiceReferralIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired UserDetailsService users;
    @Autowired Referrals referrals;
    @Autowired FamilySupport families;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails staffA;
    UUID service;
    UUID referral;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
        var org = partners.approvedOrganisation(street, OrganisationKind.SOCIAL_WORK_AGENCY, "阳光社工事务所");
        service = partners.service(street, org, "长者助餐", ServiceNeed.ELDERLY_CARE);
        referral = referrals.refer(new Referrals.Person(street.a().id(), street.a().carerOfDisabled(), null, "张1"),
                Referrals.Source.STAFF, null, "家里老人没人做饭", false, null, "测试", null);
    }

    int linked() {
        return jdbc.sql("select count(*) from care_service_referral where subject_id in (:ids)")
                .param("ids", java.util.List.of(referral)).query(Integer.class).single();
    }

    @Test
    void aReferralNamesADirectoryServiceAndItsPageSaysHowToReachIt() throws Exception {
        mvc.perform(get("/care/referrals/{id}", referral).with(user(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("长者助餐 · 阳光社工事务所")));
        mvc.perform(post("/care/referrals/{id}/services", referral).param("service", service.toString())
                        .param("note", "已电话联系").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.service.referred"));
        mvc.perform(get("/care/referrals/{id}", referral).with(user(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("021-64005678")))
                .andExpect(content().string(containsString("长者食堂 · 枫林路 100 号")))
                .andExpect(content().string(containsString("每天 10:30–12:00")));

        // the partner pauses the service: the record stays, the page says it cannot be used now
        jdbc.sql("update partner_service set status = 'TEMPORARILY_CLOSED' where id = :id").param("id", service).update();
        mvc.perform(get("/care/referrals/{id}", referral).with(user(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("“长者助餐”已从服务目录撤下或暂停")))
                .andExpect(content().string(not(containsString("021-64005678"))));
        mvc.perform(post("/care/referrals/{id}/services", referral).param("service", service.toString())
                        .with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", "“长者助餐”已经停止服务，请选择其他服务。"));
        assertThat(linked()).isEqualTo(1);
    }

    @Test
    void unknownServicesAndOtherCommunitiesReferralsAreRefused() throws Exception {
        for (var bad : new String[] {UUID.randomUUID().toString(), "not-an-id", ""}) {
            mvc.perform(post("/care/referrals/{id}/services", referral).param("service", bad)
                            .with(user(staffA)).with(csrf()))
                    .andExpect(flash().attribute("problem", "服务目录里没有这个服务，请从列表中选择。"));
        }
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(post("/care/referrals/{id}/services", referral).param("service", service.toString())
                .with(user(staffB)).with(csrf())).andExpect(status().isNotFound());
        assertThat(linked()).isZero();
    }

    @Test
    void aFamilySupportCaseIsReferredToAServiceToo() throws Exception {
        var family = families.open((LiandongUser) staffA, street.a().carerOfDisabled(), null);
        mvc.perform(post("/care/families/{id}/services", family).param("service", service.toString())
                        .with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.service.referred"));
        mvc.perform(get("/care/families/{id}", family).with(user(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("021-64005678")));
    }
}
