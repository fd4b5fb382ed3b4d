package org.liandong.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.OutOfScopeException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Needs meet offers: suggested matches, limits, one hand-over per match, published for the ledger. */
@LiandongTest
@RecordApplicationEvents
@Import(PartnerFixtures.class)
class CoordinationBoardIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired CoordinationBoard board;
    @Autowired ApplicationEvents events;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    @Test
    void anOfferIsSplitBetweenTwoCommunitiesAndHandedOverOnce() throws Exception {
        var admin = partners.user(street.streetAdminUsername());
        var staffA = partners.user(street.a().staffUsername());
        var staffB = partners.user(street.b().staffUsername());
        var foundation = partners.approvedOrganisation(street, OrganisationKind.FOUNDATION, "红十字基金会" + street.id());
        var needA = board.postNeed(staffA, street.a().id(), "GOODS", "医用口罩", "3000", "只", true, "独居老人优先");
        var needB = board.postNeed(staffB, street.b().id(), "GOODS", "口罩", "2000", "只", false, null);
        board.postNeed(staffB, street.b().id(), "GOODS", "大米", "500", "袋", false, null);
        var offer = board.recordOffer(admin, foundation, "GOODS", "一次性医用口罩", "5000", "只", "仅限社区发放", null);

        var suggestions = board.suggestions(admin.scope(), offer);
        assertThat(suggestions).extracting(s -> s.need().id()).containsExactly(needA, needB);
        assertThat(suggestions).extracting(CoordinationBoard.Suggestion::quantity).containsExactly(3000, 2000);

        // community staff see only their own community's need
        assertThat(board.suggestions(staffA.scope(), offer)).extracting(s -> s.need().id()).containsExactly(needA);
        assertThatThrownBy(() -> board.match(staffA, offer, needB, "2000")).isInstanceOf(OutOfScopeException.class);

        var matchA = board.match(admin, offer, needA, "3000");
        assertThatThrownBy(() -> board.match(admin, offer, needA, "1")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.matched-twice");
        assertThatThrownBy(() -> board.match(admin, offer, needB, "2001"))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.offer-exceeded");
        var matchB = board.match(admin, offer, needB, "2000");
        assertThat(board.offer(admin.scope(), offer).status()).isEqualTo("matched");

        board.handOver(staffA, matchA, "王主任");
        assertThatThrownBy(() -> board.handOver(staffA, matchA, "王主任"))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.handed-over-twice");
        assertThatThrownBy(() -> board.handOver(staffA, matchB, "李主任")).isInstanceOf(OutOfScopeException.class);
        board.handOver(staffB, matchB, "李主任");

        var handedOver = events.stream(OfferHandedOver.class).filter(e -> e.offerId().equals(offer)).toList();
        assertThat(handedOver).extracting(OfferHandedOver::communityId, OfferHandedOver::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(street.a().id(), 3000),
                        org.assertj.core.groups.Tuple.tuple(street.b().id(), 2000));
        assertThat(board.offer(admin.scope(), offer).status()).isEqualTo("delivered");

        var lines = board.board(admin.scope()).communities();
        var a = lines.stream().filter(l -> l.id().equals(street.a().id())).findFirst().orElseThrow();
        var b = lines.stream().filter(l -> l.id().equals(street.b().id())).findFirst().orElseThrow();
        assertThat(a.deliveredItems()).isEqualTo(3000);
        // the fixture's community has an elderly woman living alone with no carer, and a teenager with one
        assertThat(a.vulnerable()).isEqualTo(2);
        assertThat(a.vulnerableWithoutCarer()).isEqualTo(1);
        assertThat(a.openNeeds()).isEmpty();
        assertThat(b.deliveredItems()).isEqualTo(2000);
        assertThat(b.openNeeds()).extracting(CoordinationBoard.Need::item).containsExactly("大米");
    }

    @Test
    void badNeedsAndOffersGetAReasonOnTheBoard() throws Exception {
        var staffA = partners.login(street.a().staffUsername());
        mvc.perform(post("/partner/needs").param("communityId", street.a().id()).param("kind", "GOODS")
                .param("item", "口罩").param("quantity", "-5").param("unit", "只").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("正整数")));
        mvc.perform(post("/partner/needs").param("communityId", street.b().id()).param("kind", "GOODS")
                .param("item", "口罩").param("quantity", "5").param("unit", "只").with(user(staffA)).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        var admin = partners.user(street.streetAdminUsername());
        var pending = partners.registered(street, OrganisationKind.ENTERPRISE, "超市" + street.id());
        assertThatThrownBy(() -> board.recordOffer(admin, pending, "GOODS", "蔬菜", "10", "份", null, null))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.not-approved");
        board.postNeed(partners.user(street.a().staffUsername()), street.a().id(), "GOODS", "蔬菜包", "100", "份",
                true, null);
        mvc.perform(get("/partner/board").with(user(partners.login(street.streetAdminUsername()))))
                .andExpect(content().string(containsString("蔬菜包：缺 100 份")));
    }

    @Test
    void theBoardExportsAsHxlThatPassesTheDefaultValidationRules() throws Exception {
        var staffA = partners.user(street.a().staffUsername());
        board.postNeed(staffA, street.a().id(), "GOODS", "口罩, N95", "1200", "只", true, "  护理站  用 ");
        board.postNeed(staffA, street.a().id(), "PEOPLE", "=送药志愿者", "6", "人", false, null);
        var body = mvc.perform(get("/partner/board.hxl.csv").with(user(partners.login(street.streetAdminUsername()))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var table = HxlRules.csv(body);
        assertThat(table.get(1)).contains("#date+reported", "#adm4+code", "#indicator+num+needed");
        assertThat(HxlRules.problems(table)).isEmpty();
        assertThat(table).anySatisfy(row -> assertThat(row).contains(street.a().id(), "口罩, N95", "1200", "urgent"));
        assertThat(table).anySatisfy(row -> assertThat(row).contains("'=送药志愿者"));
        // community B has no need and still has its row
        assertThat(table).anySatisfy(row -> assertThat(row).contains(street.b().id(), "0"));

        // the checker itself catches a number column that holds text, and a bad date
        table.get(2).set(0, "22/11/2026");
        table.get(2).set(10, "many");
        assertThat(HxlRules.problems(table)).hasSize(2);
    }

    @Test
    void theDailySituationReportComesAsASpreadsheetAndAPdf() throws Exception {
        var staffA = partners.user(street.a().staffUsername());
        board.postNeed(staffA, street.a().id(), "GOODS", "消毒液", "40", "桶", true, null);
        var admin = partners.login(street.streetAdminUsername());
        var xlsx = mvc.perform(get("/partner/board/report.xlsx").with(user(admin)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).startsWith("街道每日情况报告");
            var rowA = rows.stream().filter(r -> street.a().name().equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(rowA.getCellText(4)).contains("消毒液：缺 40 桶");
            assertThat(rowA.getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(1);
            assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(7)).isEqualTo("库存"));
            assertThat(rowA.getCellText(8)).startsWith("在岗 0 人");
        }
        var pdf = mvc.perform(get("/partner/board/report.pdf").with(user(admin)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(2_000);
    }
}
