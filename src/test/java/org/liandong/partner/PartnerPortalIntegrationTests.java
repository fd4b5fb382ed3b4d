package org.liandong.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.OutOfScopeException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A partner organisation's contact signs in and sees only their own organisation. */
@LiandongTest
@Import(PartnerFixtures.class)
class PartnerPortalIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired PartnerPortal portal;
    @Autowired CoordinationBoard board;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    @Test
    void aPartnersContactKeepsItsOwnProfileServicesAndOffersAndNothingElse() throws Exception {
        var admin = partners.login(street.streetAdminUsername());
        var foundation = partners.approvedOrganisation(street, OrganisationKind.FOUNDATION, "仁爱基金会" + street.id());
        var other = partners.approvedOrganisation(street, OrganisationKind.ENTERPRISE, "超市" + street.id());
        var otherService = partners.service(street, other, "送菜上门" + street.id(), ServiceNeed.FOOD);
        var otherOffer = board.recordOffer(partners.user(street.streetAdminUsername()), other, "GOODS", "蔬菜", "100",
                "份", null, null);
        var username = "renai-" + street.id().toLowerCase();

        // community staff create the account from the organisation's page
        mvc.perform(post("/partner/organisations/{id}/accounts", foundation).param("username", username)
                        .param("displayName", "刘老师").param("password", Fixtures.PASSWORD)
                        .with(user(partners.login(street.a().staffUsername()))).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.accounts.created"));
        mvc.perform(post("/partner/organisations/{id}/accounts", foundation).param("username", username)
                        .param("displayName", "刘老师").param("password", Fixtures.PASSWORD).with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("")));
        assertThatThrownBy(() -> portal.createAccount(partners.user(street.streetAdminUsername()), foundation, "a b",
                "刘老师", Fixtures.PASSWORD)).extracting(e -> ((InvalidValueException) e).messageKey())
                .isEqualTo("partner.error.username");
        var pending = partners.registered(street, OrganisationKind.HOSPITAL, "社区医院" + street.id());
        assertThatThrownBy(() -> portal.createAccount(partners.user(street.streetAdminUsername()), pending, "h-" + username,
                "张医生", Fixtures.PASSWORD)).extracting(e -> ((InvalidValueException) e).messageKey())
                .isEqualTo("partner.error.not-approved");
        mvc.perform(get("/partner/organisations/{id}", foundation).with(user(admin)))
                .andExpect(content().string(containsString(username)));

        var contact = partners.login(username);
        var me = partners.user(username);
        mvc.perform(get("/").with(user(contact))).andExpect(redirectedUrl("/partner/my"));
        mvc.perform(get("/partner/my").with(user(contact)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("仁爱基金会" + street.id())))
                .andExpect(content().string(not(containsString("超市" + street.id()))));

        // edits its profile, adds a service, posts an offer
        mvc.perform(post("/partner/my/profile").param("name", "仁爱基金会" + street.id())
                        .param("description", "专注独居老人和困难家庭").param("phone", "021-64001234")
                        .with(user(contact)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.profile.saved"));
        mvc.perform(post("/partner/my/profile").param("name", "超市" + street.id()).param("description", "x")
                        .with(user(contact)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("同名机构")));
        mvc.perform(post("/partner/my/services").param("name", "困难家庭心理陪伴" + street.id())
                        .param("need", "PSYCHOLOGICAL_SUPPORT").param("free", "true").with(user(contact)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.service.added"));
        mvc.perform(post("/partner/my/offers").param("kind", "GOODS").param("item", "口罩").param("quantity", "5000")
                        .param("unit", "只").with(user(contact)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.offer.recorded"));
        mvc.perform(post("/partner/my/offers").param("kind", "GOODS").param("item", "口罩").param("quantity", "0")
                        .param("unit", "只").with(user(contact)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("正整数")));
        assertThat(portal.services(me)).extracting(ServiceDirectory.ServiceView::name)
                .containsExactly("困难家庭心理陪伴" + street.id());
        var offer = portal.offers(me).getFirst();
        assertThat(offer.quantity()).isEqualTo(5000);

        // staff match it and the community records the hand-over: the partner sees both
        var need = board.postNeed(partners.user(street.a().staffUsername()), street.a().id(), "GOODS", "口罩", "3000",
                "只", true, null);
        var match = board.match(partners.user(street.streetAdminUsername()), offer.id(), need, "3000");
        board.handOver(partners.user(street.a().staffUsername()), match, "王主任");
        mvc.perform(get("/partner/my").with(user(contact)))
                .andExpect(content().string(containsString("王主任")))
                .andExpect(content().string(containsString("withdraw-" + offer.id()))); // 2,000 still to match

        // another organisation's things answer 404; the staff pages are closed to partners
        var ownService = portal.services(me).getFirst().id();
        mvc.perform(get("/partner/my/services/{id}", ownService).with(user(contact))).andExpect(status().isOk());
        mvc.perform(get("/partner/my/services/{id}", otherService).with(user(contact)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/partner/my/services/{id}/withdraw", otherService).with(user(contact)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/partner/my/offers/{id}/withdraw", otherOffer).with(user(contact)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/partner/my/services/{id}", UUID.randomUUID()).with(user(contact)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/partner/organisations/{id}", other).with(user(contact))).andExpect(status().isForbidden());
        mvc.perform(get("/partner/board").with(user(contact))).andExpect(status().isForbidden());
        // and staff have no partner page of their own
        mvc.perform(get("/partner/my").with(user(admin))).andExpect(status().isForbidden());

        // it withdraws what is left of its offer
        mvc.perform(post("/partner/my/offers/{id}/withdraw", offer.id()).param("reason", "其余已捐给医院")
                        .with(user(contact)).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.withdrawn.done"));
        assertThat(portal.offer(me, offer.id()).withdrawn()).isTrue();
        assertThat(portal.offer(me, offer.id()).delivered()).isEqualTo(3000);
        assertThatThrownBy(() -> portal.offer(me, otherOffer)).isInstanceOf(OutOfScopeException.class);
    }
}
