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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.OutOfScopeException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Organisations, services, offers and needs are corrected and withdrawn, with their history; nothing is lost. */
@LiandongTest
@Import(PartnerFixtures.class)
class PartnerEditingIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired Partners registry;
    @Autowired ServiceDirectory directory;
    @Autowired CoordinationBoard board;
    @Autowired PartnerHistory history;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    private static String key(Throwable e) {
        return ((InvalidValueException) e).messageKey();
    }

    @Test
    void aServiceIsEditedThenWithdrawnAndOldLinksSaySo() throws Exception {
        var admin = partners.user(street.streetAdminUsername());
        var org = partners.approvedOrganisation(street, OrganisationKind.SOCIAL_ORGANISATION, "长者服务社" + street.id());
        var id = partners.service(street, org, "助餐送餐" + street.id(), ServiceNeed.ELDERLY_CARE);
        var form = new ServiceDirectory.NewService("助餐送餐" + street.id(), "ELDERLY_CARE", "为独居老人每天送午餐和晚餐。",
                "本街道 70 岁以上独居老人", "70", null, true, null, Set.of("zh", "wuu"), "每天 11:00–12:30",
                "打电话或由居委会登记", "021-64005678", null, null, "长者食堂", "枫林路 100 号", street.a().id(), Set.of());
        directory.update(admin.scope(), id, form, admin.displayName());
        assertThat(history.of(id)).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(PartnerHistory.Action.EDITED);
            assertThat(c.fields()).containsExactly("schedule");
        });
        // a bad edit changes nothing
        var bad = new ServiceDirectory.NewService("助餐送餐", "ELDERLY_CARE", null, null, "80", "60", true, null,
                Set.of(), null, null, null, null, null, null, null, null, Set.of());
        assertThatThrownBy(() -> directory.update(admin.scope(), id, bad, admin.displayName()))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.age-range");
        assertThat(directory.serviceIn(admin.scope(), id).schedule()).isEqualTo("每天 11:00–12:30");

        var resident = partners.login(fixtures.residentAccount(street.a()));
        mvc.perform(get("/partner/services").param("q", "助餐送餐" + street.id()).with(user(resident)))
                .andExpect(content().string(containsString("/partner/services/" + id)));
        mvc.perform(post("/partner/services/{id}/withdraw", id).param("reason", "食堂装修")
                        .with(user(partners.login(street.streetAdminUsername()))).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.withdrawn.done"));
        mvc.perform(get("/partner/services").param("q", "助餐送餐" + street.id()).with(user(resident)))
                .andExpect(content().string(not(containsString("/partner/services/" + id))));
        mvc.perform(get("/partner/services/{id}", id).with(user(resident)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("这项服务已撤下")));
        mvc.perform(get("/api/v1/hsds/services").param("search", "助餐送餐" + street.id()).with(user(resident)))
                .andExpect(content().string(not(containsString(id.toString()))));
        assertThat(directory.reference(id)).get().satisfies(r -> {
            assertThat(r.withdrawn()).isTrue();
            assertThat(r.organisationName()).isEqualTo("长者服务社" + street.id());
            assertThat(r.phone()).isEqualTo("021-64005678");
        });
        assertThatThrownBy(() -> directory.update(admin.scope(), id, form, admin.displayName()))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.withdrawn");
        assertThat(history.of(id).getFirst().reason()).isEqualTo("食堂装修");
        // staff of another street cannot touch it
        var other = fixtures.street();
        assertThatThrownBy(() -> directory.withdraw(partners.user(other.streetAdminUsername()).scope(), id, null, "x"))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void aWithdrawnOfferCannotBeMatchedAndItsMatchesStay() {
        var admin = partners.user(street.streetAdminUsername());
        var staffA = partners.user(street.a().staffUsername());
        var org = partners.approvedOrganisation(street, OrganisationKind.ENTERPRISE, "超市" + street.id());
        var needA = board.postNeed(staffA, street.a().id(), "GOODS", "蔬菜包", "300", "份", true, null);
        var needB = board.postNeed(partners.user(street.b().staffUsername()), street.b().id(), "GOODS", "蔬菜包", "200",
                "份", false, null);
        var offer = board.recordOffer(admin, org, "GOODS", "蔬菜包", "400", "份", null, null);
        var match = board.match(admin, offer, needA, "300");

        // corrections that would break what is already matched are refused
        assertThatThrownBy(() -> board.editOffer(admin, offer, "蔬菜包", "299", "份", null, null))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.below-matched");
        assertThatThrownBy(() -> board.editOffer(admin, offer, "蔬菜包", "400", "箱", null, null))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.unit-matched");
        board.editOffer(admin, offer, "新鲜蔬菜包", "350", "份", "当天送到", null);
        assertThat(board.offer(admin.scope(), offer).left()).isEqualTo(50);
        assertThat(history.of(offer).getFirst().fields()).containsExactly("item", "quantity", "conditions");

        board.withdrawOffer(admin, offer, "仓库断货");
        assertThat(board.offer(admin.scope(), offer).status()).isEqualTo("withdrawn");
        assertThatThrownBy(() -> board.match(admin, offer, needB, "10"))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.withdrawn");
        assertThatThrownBy(() -> board.withdrawOffer(admin, offer, null))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.withdrawn");
        assertThat(board.suggestions(admin.scope(), offer)).isEmpty();
        assertThat(board.board(admin.scope()).openOffers()).extracting(CoordinationBoard.Offer::id)
                .doesNotContain(offer);
        // the 300 already matched still reach community A
        board.handOver(staffA, match, "王主任");
        assertThat(board.offer(admin.scope(), offer).status()).isEqualTo("withdrawn");
        assertThat(board.need(admin.scope(), needA).delivered()).isEqualTo(300);
    }

    @Test
    void aWithdrawnNeedLeavesTheBoard() throws Exception {
        var admin = partners.user(street.streetAdminUsername());
        var staffA = partners.user(street.a().staffUsername());
        var need = board.postNeed(staffA, street.a().id(), "GOODS", "消毒液", "40", "桶", true, null);
        board.editNeed(staffA, need, "消毒液", "60", "桶", true, "楼道消杀");
        assertThat(board.need(staffA.scope(), need).quantity()).isEqualTo(60);
        assertThatThrownBy(() -> board.editNeed(staffA, need, "", "60", "桶", true, null))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.text");
        // community B's staff cannot withdraw A's need
        assertThatThrownBy(() -> board.withdrawNeed(partners.user(street.b().staffUsername()), need, null))
                .isInstanceOf(OutOfScopeException.class);
        mvc.perform(post("/partner/needs/{id}/withdraw", need).param("reason", "已自行采购")
                        .with(user(partners.login(street.a().staffUsername()))).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.withdrawn.done"));
        assertThat(board.needs(admin.scope(), true)).extracting(CoordinationBoard.Need::id).doesNotContain(need);
        var org = partners.approvedOrganisation(street, OrganisationKind.ENTERPRISE, "药房" + street.id());
        var offer = board.recordOffer(admin, org, "GOODS", "消毒液", "100", "桶", null, null);
        assertThatThrownBy(() -> board.match(admin, offer, need, "10"))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.withdrawn");
        mvc.perform(get("/partner/needs/{id}", need).with(user(partners.login(street.a().staffUsername()))))
                .andExpect(content().string(containsString("已自行采购")))
                .andExpect(content().string(containsString("已撤下")));
    }

    @Test
    void anOrganisationIsCorrectedWithoutDuplicatesAndWithdrawnByTheStreet() {
        var admin = partners.user(street.streetAdminUsername());
        var first = partners.approvedOrganisation(street, OrganisationKind.FOUNDATION, "爱心基金会" + street.id());
        var second = partners.approvedOrganisation(street, OrganisationKind.FOUNDATION, "同心基金会" + street.id());
        var code = "91310104MA1FL" + String.format("%05d", Math.abs(street.id().hashCode()) % 100_000);
        registry.edit(admin, first, new Partners.NewOrganisation("", "", "爱心基金会" + street.id(), code,
                "支持社区防疫的基金会。", "https://aixin.example.org", null, "021-64001234"));
        assertThat(history.of(first).getFirst().fields())
                .containsExactly("registration", "description", "website");
        // the same name (ignoring spaces and brackets) or the same credit code as another is refused
        assertThatThrownBy(() -> registry.edit(admin, second, new Partners.NewOrganisation("", "",
                " 爱心基金会 " + street.id(), null, "x", null, null, null)))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.duplicate-name");
        assertThatThrownBy(() -> registry.edit(admin, second, new Partners.NewOrganisation("", "",
                "同心基金会" + street.id(), code, "x", null, null, null)))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.duplicate-registration");
        assertThat(registry.organisation(admin.scope(), second).description()).isEqualTo("同心基金会" + street.id()
                + "，长期服务本街道。");

        var service = partners.service(street, second, "心理热线" + street.id(), ServiceNeed.PSYCHOLOGICAL_SUPPORT);
        var offer = board.recordOffer(admin, second, "MONEY", "善款", "10000", "元", null, null);
        // community staff cannot withdraw a partner; the street admin must give a reason
        assertThatThrownBy(() -> registry.withdraw(partners.user(street.a().staffUsername()), second, "x"))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> registry.withdraw(admin, second, " "))
                .extracting(PartnerEditingIntegrationTests::key).isEqualTo("partner.error.text");
        registry.review(admin, second, "WITHDRAWN", "合作结束");
        assertThat(registry.organisation(admin.scope(), second).status()).isEqualTo(OrganisationStatus.WITHDRAWN);
        assertThat(directory.search("心理热线" + street.id(), null, null, 10)).isEmpty();
        assertThat(directory.reference(service)).get().extracting(ServiceDirectory.ServiceReference::withdrawn)
                .isEqualTo(true);
        assertThat(board.offer(admin.scope(), offer).withdrawn()).isTrue();
        assertThat(registry.approved(admin.scope())).extracting(Partners.Summary::id).doesNotContain(second);
    }
}
