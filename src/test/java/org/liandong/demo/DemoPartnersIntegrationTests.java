package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.liandong.partner.CoordinationBoard;
import org.liandong.partner.OrganisationStatus;
import org.liandong.partner.PartnerPortal;
import org.liandong.partner.Partners;
import org.liandong.partner.ServiceDirectory;
import org.liandong.partner.ServiceNeed;
import org.liandong.partner.StreetResources;
import org.liandong.platform.LiandongUser;
import org.liandong.supply.Ledger;
import org.liandong.supply.LedgerEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/** The demo's partners (same small demo and context as {@link DemoDataIntegrationTests}). */
@LiandongTest
@TestPropertySource(properties = {"liandong.demo.enabled=true", "liandong.demo.populated-communities-per-street=2",
        "liandong.demo.residents-per-community=200"})
class DemoPartnersIntegrationTests {

    static final String FENGLIN = DemoDataIntegrationTests.FENGLIN;
    static final String ZHANGJIABANG = DemoDataIntegrationTests.ZHANGJIABANG;

    @Autowired DemoLoader loader;
    @Autowired Partners partners;
    @Autowired ServiceDirectory directory;
    @Autowired CoordinationBoard board;
    @Autowired PartnerPortal portal;
    @Autowired Ledger ledger;
    @Autowired UserDetailsService users;

    private LiandongUser account(String username) {
        return (LiandongUser) users.loadUserByUsername(username);
    }

    @Test
    void theStreetHasItsPartnersTheirServicesAndTheFoundationsMasksInBothLedgers() {
        var admin = account("street-fenglin");
        var orgs = partners.list(admin.scope(), null, null);
        assertThat(orgs).filteredOn(o -> o.streetId().equals(FENGLIN)).extracting(Partners.Summary::name)
                .contains(DemoPartners.AGENCY, DemoPartners.FOUNDATION, DemoPartners.ENTERPRISE, DemoPartners.HOSPITAL);
        assertThat(orgs).filteredOn(o -> o.name().equals(DemoPartners.AGENCY)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(OrganisationStatus.APPROVED));
        assertThat(directory.search(null, ServiceNeed.SOCIAL_WORK, ZHANGJIABANG, 10))
                .extracting(ServiceDirectory.ServiceView::organisationName).contains(DemoPartners.AGENCY);
        assertThat(directory.search("配药", null, null, 10)).isNotEmpty();

        // the masks: delivered 3,000 + 2,000, and in the two communities' ledgers; the chain verifies
        var entries = ledger.entries(FENGLIN, null, 200).stream()
                .filter(e -> e.party().equals(DemoPartners.FOUNDATION)).toList();
        assertThat(entries).extracting(LedgerEntry::quantity).containsExactlyInAnyOrder(3000L, 2000L);
        assertThat(entries).extracting(LedgerEntry::communityId).contains(ZHANGJIABANG);
        assertThat(ledger.verify(FENGLIN).problems()).isEmpty();
        var zhangjiabang = board.board(admin.scope()).communities().stream()
                .filter(c -> c.id().equals(ZHANGJIABANG)).findFirst().orElseThrow();
        assertThat(zhangjiabang.stock()).contains(new StreetResources.Stock("一次性医用口罩", "只", 3000));
        assertThat(zhangjiabang.openNeeds()).extracting(CoordinationBoard.Need::item).containsExactly("送药志愿者");
        assertThat(board.board(admin.scope()).openOffers()).extracting(CoordinationBoard.Offer::organisationName)
                .contains(DemoPartners.ENTERPRISE, DemoPartners.HOSPITAL);

        // the foundation's contact sees the foundation and where its masks went
        var contact = account(DemoPartners.PARTNER_LOGIN);
        assertThat(portal.mine(contact).name()).isEqualTo(DemoPartners.FOUNDATION);
        assertThat(portal.matches(contact)).hasSize(2).allMatch(CoordinationBoard.Match::handedOver);

        // loading again adds nothing
        var before = ledger.entries(FENGLIN, null, 500).size();
        loader.load();
        assertThat(partners.list(admin.scope(), null, null)).hasSize(orgs.size());
        assertThat(ledger.entries(FENGLIN, null, 500)).hasSize(before);
        assertThat(List.of(portal.offers(contact).size())).containsExactly(1);
    }
}
