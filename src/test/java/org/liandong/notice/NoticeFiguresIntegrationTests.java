package org.liandong.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.notice.board.NoticeBoard;
import org.liandong.notice.cap.AlertForm;
import org.liandong.notice.cap.CapAlerts;
import org.liandong.notice.rumour.RumourChecks;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Alert reach, rumour answers and reading households as the resilience indicators read them. */
@LiandongTest
class NoticeFiguresIntegrationTests {

    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired CapAlerts alerts;
    @Autowired NoticeBoard board;
    @Autowired RumourChecks rumours;
    @Autowired NoticeFigures figures;

    LiandongUser user(String name) {
        return (LiandongUser) users.loadUserByUsername(name);
    }

    @Test
    void householdsThatOpenedAnAlertInTime() throws Exception {
        var street = fixtures.street();
        var a = street.a();
        var staff = user(a.staffUsername());
        var reader = user(fixtures.residentAccountOf(a, 1));
        var before = Instant.now().minusSeconds(2);
        assertThat(figures.alertReach(a.id(), street.id(), before, Instant.now(), Duration.ofHours(6)).alerts()).isZero();
        var alert = alerts.publish(staff, new AlertForm(a.id(), "COMMUNITY", "Health", "Immediate", "Severe", "Observed",
                "封控", "Lockdown", "小区封闭管理", "The estate is locked down", "即日起封闭管理。", "Locked down.",
                null, null, null));
        Thread.sleep(1100); // the alert is stamped to the second; the read comes at least a second later
        board.read(reader, alert);
        var after = Instant.now().plusSeconds(1);

        var reach = figures.alertReach(a.id(), street.id(), before, after, Duration.ofHours(6));
        assertThat(reach.alerts()).isEqualTo(1);
        assertThat(reach.households()).containsExactly(a.households().get(1));
        // read after more than the time allowed: not counted
        assertThat(figures.alertReach(a.id(), street.id(), before, after, Duration.ZERO).households()).isEmpty();
        // the other community of the street got no alert
        assertThat(figures.alertReach(street.b().id(), street.id(), before, after, Duration.ofHours(6)).alerts()).isZero();
        assertThat(figures.readingHouseholds(a.id(), street.id(), before, after)).containsExactly(a.households().get(1));
    }

    @Test
    void rumourChecksAnsweredInTime() {
        var street = fixtures.street();
        var a = street.a();
        var staff = user(a.staffUsername());
        var asker = user(fixtures.residentAccountOf(a, 0));
        var before = Instant.now().minusSeconds(1);
        var answered = rumours.submit(asker, "听说自来水会传播病毒？");
        rumours.submit(asker, "听说明天全市停电？");
        rumours.answer(staff, answered, "FALSE", "自来水经过消毒。", "https://www.who.int");
        var after = Instant.now().plusSeconds(1);

        var answers = figures.rumourAnswers(a.id(), before, after, Duration.ofHours(24));
        assertThat(answers.received()).isEqualTo(2);
        assertThat(answers.answeredInTime()).isEqualTo(1);
        assertThat(figures.rumourAnswers(a.id(), before, after, Duration.ZERO).answeredInTime()).isZero();
        assertThat(figures.rumourAnswers(street.b().id(), before, after, Duration.ofHours(24)).received()).isZero();
    }
}
