package org.liandong.resilience.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.care.CareFigures;
import org.liandong.care.dependant.Rounds;
import org.liandong.care.request.HelpRequests;
import org.liandong.community.CommunityFigures;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.community.Stage;
import org.liandong.community.StageHistory;
import org.liandong.notice.NoticeFigures;
import org.liandong.notice.board.NoticeBoard;
import org.liandong.notice.cap.AlertForm;
import org.liandong.notice.cap.CapAlerts;
import org.liandong.notice.rumour.RumourChecks;
import org.liandong.platform.LiandongUser;
import org.liandong.resilience.IndicatorReading.Availability;
import org.liandong.resilience.ResilienceData;
import org.liandong.resilience.TestClock;
import org.liandong.supply.SupplyFigures;
import org.liandong.volunteer.VolunteerActivity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * Each of the twelve indicators computed against a history built by hand through the modules' services, at chosen
 * times: every expected value below is counted from that history, not read back from the code. The threshold is 1
 * here so that a small test community is measured; {@link #theSameHistoryIsSuppressedBelowThirty()} uses 30.
 */
@LiandongTest
@Import({TestClock.Config.class, ResilienceData.class})
@TestPropertySource(properties = "liandong.resilience.indicator.min-denominator=1")
class IndicatorIntegrationTests {

    static final int D0 = 20; // the emergency starts 20 days ago

    @Autowired Fixtures fixtures;
    @Autowired ResilienceData data;
    @Autowired TestClock clock;
    @Autowired UserDetailsService users;
    @Autowired IndicatorBoard board;
    @Autowired Registry registry;
    @Autowired Rounds rounds;
    @Autowired HelpRequests requests;
    @Autowired CapAlerts alerts;
    @Autowired NoticeBoard notices;
    @Autowired RumourChecks rumours;
    @Autowired Places places;
    @Autowired CommunityFigures communityFigures;
    @Autowired StageHistory stages;
    @Autowired VolunteerActivity volunteerActivity;
    @Autowired CareFigures careFigures;
    @Autowired NoticeFigures noticeFigures;
    @Autowired SupplyFigures supplyFigures;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    LiandongUser user(String username) {
        return (LiandongUser) users.loadUserByUsername(username);
    }

    /** The street, and community A with the whole history of an emergency 20 days ago. */
    record History(Fixtures.TestStreet street, LiandongUser staff, LiandongUser admin) {
    }

    History emergency() {
        var street = fixtures.street();
        var a = street.a();
        var staff = user(a.staffUsername());
        var admin = user(street.streetAdminUsername());
        // two more residents: the helper in household 3 (4号楼, born 1995) and a neighbour in household 5 (2号楼, 1980)
        var helperId = ResilienceData.idNumber(LocalDate.of(1995, 4, 2));
        data.resident(a.id(), a.households().get(3), "帮手", helperId);
        var neighbourId = ResilienceData.idNumber(LocalDate.of(1980, 8, 8));
        data.resident(a.id(), a.households().get(5), "邻居", neighbourId);
        var v1 = data.volunteer(staff, a.id(), helperId);
        var v2 = data.volunteer(staff, a.id(), ResilienceData.idNumber(LocalDate.of(1985, 2, 3))); // not a resident
        var v3 = data.volunteer(staff, a.id(), neighbourId);

        clock.set(D0, 10);
        registry.changeStage(admin, a.id(), Stage.RESPOND, "出现确诊病例");
        clock.set(D0, 12);
        rounds.record(staff, a.id(), a.elderlyAloneWithoutCarer(), true, "电话联系上");
        clock.set(D0 - 2, 12);
        rounds.record(staff, a.id(), a.disabledWithCarer(), true, "上门探访");

        var r1 = data.request(staff, a.id(), "1号楼", "101", clock.at(D0, 11));
        var t1 = data.accept(staff, r1, v1, a.id(), clock.at(D0, 13));
        data.complete(t1, r1, v1, a.id(), clock.at(D0, 15));
        var r2 = data.request(staff, a.id(), "4号楼", "104", clock.at(D0, 11));
        var t2 = data.accept(staff, r2, v2, a.id(), clock.at(D0, 21));
        data.complete(t2, r2, v2, a.id(), clock.at(D0 - 4, 21));
        var r3 = data.request(staff, a.id(), "2号楼", "102", clock.at(D0 - 1, 9));
        var t3 = data.accept(staff, r3, v3, a.id(), clock.at(D0 - 1, 10));
        data.complete(t3, r3, v3, a.id(), clock.at(D0 - 1, 12));
        data.request(staff, a.id(), "3号楼", "103", clock.at(D0 - 2, 9)); // r4: nobody takes it
        var r5 = data.request(staff, a.id(), "3号楼", "103", clock.at(D0 - 2, 10));
        clock.set(D0 - 2, 11);
        requests.cancel(staff, r5, "家属已买到");

        // an alert 15 days ago at 08:00: household 0 opens it after 2 h, household 1 after 8 h
        var resident0 = user(fixtures.residentAccountOf(a, 0));
        var resident1 = user(fixtures.residentAccountOf(a, 1));
        var resident2 = user(fixtures.residentAccountOf(a, 2));
        clock.set(15, 8);
        var alert = alerts.publish(staff, new AlertForm(a.id(), "COMMUNITY", "Health", "Immediate", "Severe", "Observed",
                "封控", "Lockdown", "小区封闭管理", "The estate is locked down", "即日起封闭管理。", "Locked down from today.",
                null, null, null));
        clock.set(15, 10);
        notices.read(resident0, alert);
        clock.set(15, 16);
        notices.read(resident1, alert);

        // rumour checks: one answered in 3 h, one in 48 h, one never
        clock.set(15, 9);
        var q0 = rumours.submit(resident0, "听说自来水会传播病毒？");
        clock.set(15, 10);
        var q1 = rumours.submit(resident1, "听说喝白酒能预防？");
        clock.set(15, 11);
        rumours.submit(resident2, "听说明天全市停电？");
        clock.set(15, 12);
        rumours.answer(staff, q0, "FALSE", "自来水经过消毒，不会传播。", "https://www.who.int");
        clock.set(13, 10);
        rumours.answer(staff, q1, "FALSE", "饮酒不能预防。", "https://www.who.int");
        clock.reset();
        return new History(street, staff, admin);
    }

    Map<String, Measurement> measure(String community, LocalDate from, LocalDate to) {
        return board.measure(community, from, to).stream()
                .collect(Collectors.toMap(m -> m.indicator().id(), Function.identity()));
    }

    @Test
    void everyIndicatorMatchesTheHistoryCountedByHand() {
        var h = emergency();
        var today = LocalDate.now(TestClock.ZONE);
        var m = measure(h.street().a().id(), today.minusDays(D0 + 1), today);
        assertThat(m).hasSize(12);

        // 1: v1, v2 and v3 finished tasks; 16 residents
        expect(m, "volunteers-per-1000", 3, 16, 3 * 1000.0 / 16, 100);
        // 2: of the two vulnerable residents only the disabled teenager has a carer
        expect(m, "vulnerable-with-carer", 1, 2, 0.5, 0);
        // 3: the elderly resident was reached 2 h after the switch, the teenager only after 2 days
        expect(m, "vulnerable-reached-24h", 1, 2, 0.5, 0);
        assertThat(m.get("vulnerable-reached-24h").reading().from()).isEqualTo(today.minusDays(D0));
        // 4: accepted after 2 h, 10 h and 1 h: median 2 h, 90th percentile 2 + 0.8 × 8 = 8.4 h
        var hours = m.get("hours-to-first-acceptance");
        assertThat(hours.reading().availability()).isEqualTo(Availability.MEASURED);
        assertThat(hours.reading().value()).isCloseTo(2.0, within(1e-9));
        assertThat(hours.secondary()).isCloseTo(8.4, within(1e-9));
        assertThat(hours.reading().denominator()).isEqualTo(3.0);
        assertThat(hours.reading().score()).isCloseTo(100.0, within(1e-9));
        // 5: of five requests (all older than 72 h) two were done within 72 h: r1 (4 h) and r3 (3 h)
        expect(m, "fulfilled-within-72h", 2, 5, 0.4, 0);
        // 6: r4 is still open after 18 days; 1 per 16 residents
        expect(m, "open-over-48h-per-1000", 1, 16, 1000.0 / 16, 0);
        // 7: one of six households opened the alert within 6 h
        expect(m, "alerts-opened-6h", 1, 6, 1.0 / 6, 0);
        // 8: one of three rumour checks answered within 24 h
        expect(m, "rumours-answered-24h", 1, 3, 1.0 / 3, 0);
        // 9: r1 (helper in 4号楼 for 1号楼) and r2 (helper not in the registry) bridge; r3 is the same building, band
        expect(m, "bridging-exchanges", 2, 3, 2.0 / 3, 100);
        // 10: households 0, 1, 3 received; 3, 5 and the unregistered volunteer gave; only household 3 did both
        expect(m, "reciprocity", 1, 5, 0.2, 0.2 / 0.3 * 100);
        // 11: households 0, 1 (notices), 2, 3 (requests) and 5 (a volunteer); household 4 did nothing
        expect(m, "households-active-30d", 5, 6, 5.0 / 6, 100); // above the target of 60 %
        // 12: the emergency has not ended
        assertThat(m.get("volunteers-retained").reading().availability()).isEqualTo(Availability.NO_DATA);
        assertThat(m.get("volunteers-retained").reasonKey()).isEqualTo("resilience.indicator.no-data.no-ended-emergency");

        // the contract the dashboard reads carries the same values in the same order
        var readings = board.readings(h.street().a().id(), today.minusDays(D0 + 1), today);
        assertThat(readings).extracting(r -> r.id()).containsExactly(java.util.Arrays.stream(Indicator.values())
                .map(Indicator::id).toArray(String[]::new));
        assertThat(readings.get(0).denominator()).isEqualTo(16.0);

        // pillars: equal-weight means of the measured scores
        var pillars = IndicatorBoard.pillars(board.measure(h.street().a().id(), today.minusDays(D0 + 1), today));
        var organisational = pillars.stream().filter(p -> p.dimension() == org.liandong.resilience.Dimension.ORGANISATIONAL)
                .findFirst().orElseThrow();
        assertThat(organisational.measured()).isEqualTo(3); // 1, 5, 6 (12 has no data)
        assertThat(organisational.score()).isCloseTo((100 + 0 + 0) / 3.0, within(1e-9));
    }

    @Test
    void aWindowBeforeTheEmergencySeesNoneOfIt() {
        var h = emergency();
        var today = LocalDate.now(TestClock.ZONE);
        var m = measure(h.street().a().id(), today.minusDays(40), today.minusDays(D0 + 1));
        assertThat(m.get("vulnerable-reached-24h").reasonKey()).isEqualTo("resilience.indicator.no-data.no-activation");
        assertThat(m.get("hours-to-first-acceptance").reasonKey())
                .isEqualTo("resilience.indicator.no-data.no-accepted-requests");
        assertThat(m.get("alerts-opened-6h").reasonKey()).isEqualTo("resilience.indicator.no-data.no-alerts");
        assertThat(m.get("rumours-answered-24h").reasonKey()).isEqualTo("resilience.indicator.no-data.no-rumours");
        assertThat(m.get("bridging-exchanges").reasonKey()).isEqualTo("resilience.indicator.no-data.no-exchanges");
        // volunteers exist but none worked then: a measured zero, not "no data"
        expect(m, "volunteers-per-1000", 0, 16, 0, 0);
        // no request was filed before the window ended
        assertThat(m.get("open-over-48h-per-1000").reasonKey()).isEqualTo("resilience.indicator.no-data.no-requests");
    }

    @Test
    void aCommunityWithNothingRecordedShowsNoDataNeverAMadeUpValue() {
        var street = fixtures.street();
        var today = LocalDate.now(TestClock.ZONE);
        var m = measure(street.b().id(), today.minusDays(29), today);
        var measured = m.values().stream().filter(Measurement::measured).map(x -> x.indicator().id()).toList();
        assertThat(measured).containsExactly("vulnerable-with-carer"); // the registry alone knows this one
        assertThat(m.values()).filteredOn(x -> !x.measured()).allSatisfy(x -> {
            assertThat(x.reading().availability()).isEqualTo(Availability.NO_DATA);
            assertThat(x.reading().value()).isNull();
            assertThat(x.reading().score()).isNull();
            assertThat(x.reasonKey()).startsWith("resilience.indicator.no-data.");
        });
        assertThat(m.get("volunteers-per-1000").reasonKey()).isEqualTo("resilience.indicator.no-data.no-volunteers");
        assertThat(m.get("households-active-30d").reasonKey())
                .isEqualTo("resilience.indicator.no-data.no-household-activity");
        assertThat(IndicatorBoard.pillars(board.measure(street.b().id(), today.minusDays(29), today)))
                .filteredOn(p -> p.dimension() != org.liandong.resilience.Dimension.CULTURAL)
                .allSatisfy(p -> assertThat(p.score()).isNull());
    }

    @Test
    void theSameHistoryIsSuppressedBelowThirty() {
        var h = emergency();
        var today = LocalDate.now(TestClock.ZONE);
        var strict = new IndicatorBoard(places, communityFigures, stages, volunteerActivity, careFigures, noticeFigures,
                supplyFigures, new IndicatorSettings(30), clock);
        var m = strict.measure(h.street().a().id(), today.minusDays(D0 + 1), today).stream()
                .collect(Collectors.toMap(x -> x.indicator().id(), Function.identity()));
        assertThat(m.values()).filteredOn(x -> x.reasonKey() == null).allSatisfy(x -> {
            assertThat(x.reading().availability()).isEqualTo(Availability.SUPPRESSED);
            assertThat(x.reading().value()).isNull();
            assertThat(x.reading().score()).isNull();
            assertThat(x.reading().denominator()).isLessThan(30.0);
        });
        assertThat(m.get("volunteers-per-1000").reading().denominator()).isEqualTo(16.0);
        assertThat(m.get("volunteers-retained").reading().availability()).isEqualTo(Availability.NO_DATA);
    }

    @Test
    void volunteersStillActiveThirtyToNinetyDaysAfterTheEmergency() {
        var street = fixtures.street();
        var b = street.b();
        var staff = user(b.staffUsername());
        var admin = user(street.streetAdminUsername());
        var v4 = data.volunteer(staff, b.id(), ResilienceData.idNumber(LocalDate.of(1990, 1, 1)));
        var v5 = data.volunteer(staff, b.id(), ResilienceData.idNumber(LocalDate.of(1991, 1, 1)));
        var v6 = data.volunteer(staff, b.id(), ResilienceData.idNumber(LocalDate.of(1992, 1, 1)));
        clock.set(100, 9);
        registry.changeStage(admin, b.id(), Stage.RESPOND, "封控");
        clock.set(99, 9);
        data.finishedTask(b.id(), v4);
        data.finishedTask(b.id(), v5);
        clock.set(90, 9);
        registry.changeStage(admin, b.id(), Stage.RECOVER, "解封");
        clock.set(70, 9); // 20 days after the end: too early to count
        data.finishedTask(b.id(), v5);
        clock.set(50, 9); // 40 days after the end
        data.finishedTask(b.id(), v4);
        data.finishedTask(b.id(), v6); // joined after the emergency: not in the cohort
        clock.reset();
        var today = LocalDate.now(TestClock.ZONE);
        var m = measure(b.id(), today.minusDays(29), today);
        expect(m, "volunteers-retained", 1, 2, 0.5, (0.5 - 0.1) / 0.5 * 100);
        assertThat(m.get("volunteers-retained").reading().from()).isEqualTo(today.minusDays(60));
        // 60 days after the end, the follow-up is 30 days long so far; a window ending 25 days after has none
        var early = measure(b.id(), today.minusDays(80), today.minusDays(65));
        assertThat(early.get("volunteers-retained").reasonKey())
                .isEqualTo("resilience.indicator.no-data.no-ended-emergency");
        assertThat(stages.periods(b.id(), Stage.RESPOND)).singleElement()
                .satisfies(p -> assertThat(Duration.between(p.since(), p.until())).isEqualTo(Duration.ofDays(10)));
    }

    static void expect(Map<String, Measurement> m, String id, double numerator, double denominator, double value,
                       double score) {
        var r = m.get(id).reading();
        assertThat(r.availability()).as(id).isEqualTo(Availability.MEASURED);
        assertThat(r.numerator()).as(id + " numerator").isEqualTo(numerator);
        assertThat(r.denominator()).as(id + " denominator").isEqualTo(denominator);
        assertThat(r.value()).as(id + " value").isCloseTo(value, within(1e-9));
        assertThat(r.score()).as(id + " score").isCloseTo(score, within(1e-9));
    }

}
