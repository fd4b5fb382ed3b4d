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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.OutOfScopeException;
import org.liandong.supply.DonationIntake;
import org.liandong.supply.Ledger;
import org.liandong.supply.LedgerEntry;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hand-overs go into the supply ledger once; the board shows each community's stock and volunteers; the street
 * admin moves stock (never more than a community holds) and lends volunteers for a period.
 */
@LiandongTest
@Import(PartnerFixtures.class)
class StreetResourcesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired VolunteerFixtures volunteers;
    @Autowired CoordinationBoard board;
    @Autowired StreetResources resources;
    @Autowired Ledger ledger;
    @Autowired DonationIntake intake;
    @Autowired VolunteerTasks tasks;
    @Autowired JdbcClient jdbc;
    @Autowired org.liandong.community.Places places;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    /** 5,000 masks: 3,000 to A and 2,000 to B; returns the two match ids. */
    private List<UUID> handOverMasks(String foundationName) {
        var admin = partners.user(street.streetAdminUsername());
        var staffA = partners.user(street.a().staffUsername());
        var staffB = partners.user(street.b().staffUsername());
        var foundation = partners.approvedOrganisation(street, OrganisationKind.FOUNDATION, foundationName);
        var needA = board.postNeed(staffA, street.a().id(), "GOODS", "口罩", "3000", "只", true, null);
        var needB = board.postNeed(staffB, street.b().id(), "GOODS", "口罩", "2000", "只", false, null);
        var offer = board.recordOffer(admin, foundation, "GOODS", "口罩", "5000", "只", null, null);
        var matchA = board.match(admin, offer, needA, "3000");
        var matchB = board.match(admin, offer, needB, "2000");
        board.handOver(staffA, matchA, "王主任");
        board.handOver(staffB, matchB, "李书记");
        return List.of(matchA, matchB);
    }

    @Test
    void aHandOverIsADonationIntoTheCommunitysLedgerWrittenOnce() throws Exception {
        var foundation = "仁爱基金会" + street.id();
        var matches = handOverMasks(foundation);

        var entries = ledger.entries(street.id(), null, 100);
        assertThat(entries).extracting(LedgerEntry::kind, LedgerEntry::communityId, LedgerEntry::party,
                        LedgerEntry::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.DONATION,
                                street.a().id(), foundation, 3000L),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.DONATION, street.b().id(), foundation,
                                2000L));
        assertThat(entries).allSatisfy(e -> assertThat(e.note()).contains("签收人"));
        assertThat(ledger.verify(street.id()).problems()).isEmpty();

        // a retry (the same hand-over written again) finds the entry already there and adds nothing
        var match = board.matchesOf(partners.user(street.streetAdminUsername()).scope(), offerOf(matches.getFirst()))
                .stream().filter(m -> m.id().equals(matches.getFirst())).findFirst().orElseThrow();
        var again = resources.recordHandOver(match, street.id(), "王主任", "重试");
        assertThat(again.id()).isIn(entries.stream().map(LedgerEntry::id).toList());
        assertThat(ledger.entries(street.id(), null, 100)).hasSize(2);

        // both communities' public ledgers show the foundation's masks
        mvc.perform(get("/supply/public/{s}/{c}", street.id(), street.a().id()))
                .andExpect(content().string(containsString(foundation)))
                .andExpect(content().string(containsString("3000")));
        mvc.perform(get("/supply/public/{s}/{c}", street.id(), street.b().id()))
                .andExpect(content().string(containsString(foundation)));

        // and the board shows what each holds
        var lines = board.board(partners.user(street.streetAdminUsername()).scope()).communities();
        assertThat(line(lines, street.a().id()).stock()).containsExactly(new StreetResources.Stock("口罩", "只", 3000));
        assertThat(line(lines, street.b().id()).stock()).containsExactly(new StreetResources.Stock("口罩", "只", 2000));
    }

    private UUID offerOf(UUID matchId) {
        return jdbc.sql("select offer_id from partner_match where id = :id").param("id", matchId).query(UUID.class)
                .single();
    }

    private static CoordinationBoard.CommunityLine line(List<CoordinationBoard.CommunityLine> lines, String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void servicesAndPeopleAreNotWrittenToTheLedger() {
        var admin = partners.user(street.streetAdminUsername());
        var staffA = partners.user(street.a().staffUsername());
        var org = partners.approvedOrganisation(street, OrganisationKind.SOCIAL_WORK_AGENCY, "社工站" + street.id());
        var need = board.postNeed(staffA, street.a().id(), "PEOPLE", "心理疏导社工", "2", "人", false, null);
        var offer = board.recordOffer(admin, org, "PEOPLE", "社工", "2", "人", null, null);
        board.handOver(staffA, board.match(admin, offer, need, "2"), "王主任");
        assertThat(ledger.entries(street.id(), null, 10)).isEmpty();
    }

    @Test
    void theStreetAdminMovesStockButNeverMoreThanACommunityHolds() throws Exception {
        handOverMasks("爱心基金会" + street.id());
        var admin = partners.user(street.streetAdminUsername());
        var moved = resources.moveStock(admin, street.a().id(), street.b().id(), "口罩", "只", "1000", "乙社区门岗");
        assertThat(moved).extracting(LedgerEntry::kind, LedgerEntry::communityId, LedgerEntry::party)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.ALLOCATION, street.a().id(),
                                street.b().name()),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.DONATION, street.b().id(),
                                street.a().name()));
        var lines = board.board(admin.scope()).communities();
        assertThat(line(lines, street.a().id()).stock()).containsExactly(new StreetResources.Stock("口罩", "只", 2000));
        assertThat(line(lines, street.b().id()).stock()).containsExactly(new StreetResources.Stock("口罩", "只", 3000));
        assertThat(ledger.verify(street.id()).problems()).isEmpty();
        var before = ledger.entries(street.id(), null, 100).size();

        // more than A holds, an item A does not hold, the same community, a bad quantity: refused, nothing written
        assertThatThrownBy(() -> resources.moveStock(admin, street.a().id(), street.b().id(), "口罩", "只", "2001", null))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.stock-short");
        assertThatThrownBy(() -> resources.moveStock(admin, street.a().id(), street.b().id(), "大米", "袋", "1", null))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.no-stock");
        assertThatThrownBy(() -> resources.moveStock(admin, street.a().id(), street.a().id(), "口罩", "只", "1", null))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.same-community");
        assertThatThrownBy(() -> resources.moveStock(admin, street.a().id(), street.b().id(), "口罩", "只", "-3", null))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.quantity");
        // community staff cannot move stock, not even out of their own community
        assertThatThrownBy(() -> resources.moveStock(partners.user(street.a().staffUsername()), street.a().id(),
                street.b().id(), "口罩", "只", "1", null)).isInstanceOf(OutOfScopeException.class);
        // another street's community
        var other = fixtures.street();
        assertThatThrownBy(() -> resources.moveStock(admin, street.a().id(), other.a().id(), "口罩", "只", "1", null))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(ledger.entries(street.id(), null, 100)).hasSize(before);

        // through the page: a community with no stock at all gets a clear message
        mvc.perform(post("/partner/moves/stock").param("from", other.a().id()).param("to", other.b().id())
                        .param("item", "口罩").param("unit", "只").param("quantity", "10")
                        .with(user(partners.login(other.streetAdminUsername()))).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("没有「口罩」库存")));
        mvc.perform(get("/partner/moves").param("from", street.a().id())
                        .with(user(partners.login(street.streetAdminUsername()))))
                .andExpect(content().string(containsString("库存 2,000 只")));
        mvc.perform(get("/partner/moves").with(user(partners.login(street.a().staffUsername()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void twoTransfersAtOnceCannotSpendTheSameStock() throws Exception {
        handOverMasks("同心基金会" + street.id());
        var admin = partners.user(street.streetAdminUsername());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var outcomes = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            pool.submit(() -> {
                start.await();
                try {
                    resources.moveStock(admin, street.a().id(), street.b().id(), "口罩", "只", "1000", null);
                    outcomes.add("moved");
                } catch (InvalidValueException e) {
                    outcomes.add(e.messageKey());
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).containsExactlyInAnyOrder("moved", "moved", "moved", "partner.error.no-stock");
        assertThat(intake.stock(street.id(), List.of(street.a().id()))).isEmpty();
        assertThat(ledger.verify(street.id()).problems()).isEmpty();
    }

    @Test
    void theStreetAdminLendsAVolunteerForAPeriod() throws Exception {
        var admin = partners.user(street.streetAdminUsername());
        var v = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        var today = LocalDate.now();
        var lendable = resources.lendable(admin, street.a().id());
        assertThat(lendable).anySatisfy(l -> assertThat(l.code()).isEqualTo("v:" + v.id()));

        resources.lend(admin, street.a().id(), "v:" + v.id(), street.b().id(), today.toString(),
                today.plusDays(6).toString(), "帮乙社区送菜");
        var lines = board.board(admin.scope()).communities();
        assertThat(line(lines, street.a().id()).people()).isEqualTo(new StreetResources.People(1, 1, 1, 0));
        assertThat(line(lines, street.b().id()).people()).isEqualTo(new StreetResources.People(0, 0, 0, 1));
        // the volunteer has it as a task on the phone
        assertThat(tasks.mine(v.id())).singleElement()
                .satisfies(t -> assertThat(t.title()).contains(street.b().name()));
        assertThat(resources.loans(List.of(places.community(street.b().id()).orElseThrow())))
                .singleElement().satisfies(l -> assertThat(l.name()).isEqualTo(v.name()));

        // overlapping, backwards, too long, in the past, someone of another community: refused
        assertThatThrownBy(() -> resources.lend(admin, street.a().id(), "v:" + v.id(), street.b().id(),
                today.plusDays(3).toString(), today.plusDays(9).toString(), null))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.already-lent");
        assertThatThrownBy(() -> resources.lend(admin, street.a().id(), "v:" + v.id(), street.b().id(),
                today.plusDays(20).toString(), today.plusDays(10).toString(), null))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.period");
        assertThatThrownBy(() -> resources.lend(admin, street.a().id(), "v:" + v.id(), street.b().id(),
                today.plusDays(10).toString(), today.plusDays(200).toString(), null))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.loan-too-long");
        assertThatThrownBy(() -> resources.lend(admin, street.a().id(), "v:" + v.id(), street.b().id(),
                today.minusDays(10).toString(), today.minusDays(1).toString(), null))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("partner.error.date-past");
        assertThatThrownBy(() -> resources.lend(admin, street.b().id(), "v:" + v.id(), street.a().id(),
                today.plusDays(10).toString(), today.plusDays(11).toString(), null))
                .extracting(e -> ((InvalidValueException) e).messageKey())
                .isEqualTo("partner.error.loan-not-in-community");
        assertThatThrownBy(() -> resources.lend(admin, street.a().id(), "x:nobody", street.b().id(),
                today.toString(), today.toString(), null)).isInstanceOf(InvalidValueException.class);
        assertThat(jdbc.sql("select count(*) from volunteer_secondment where volunteer_id = :v").param("v", v.id())
                .query(Integer.class).single()).isEqualTo(1);

        mvc.perform(post("/partner/moves/volunteers").param("from", street.a().id()).param("who", "v:" + v.id())
                        .param("to", street.b().id()).param("startsOn", today.plusDays(30).toString())
                        .param("endsOn", today.plusDays(31).toString())
                        .with(user(partners.login(street.streetAdminUsername()))).with(csrf()))
                .andExpect(flash().attribute("ok", "partner.moves.lent"));
        mvc.perform(get("/partner/moves").with(user(partners.login(street.streetAdminUsername()))))
                .andExpect(content().string(containsString(v.name() + "：" + street.a().name())));
    }
}
