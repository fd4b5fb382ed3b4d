package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The care chapter of the demo: the story's requests, observation, flagged dependant, referral, rounds. Same demo
 * settings as {@link DemoDataIntegrationTests}: on PostgreSQL the tests share one database, and the demo loads once.
 */
@LiandongTest
@TestPropertySource(properties = {"liandong.demo.enabled=true", "liandong.demo.populated-communities-per-street=2",
        "liandong.demo.residents-per-community=200"})
class DemoCareIntegrationTests {

    static final String ZHANGJIABANG = DemoDataIntegrationTests.ZHANGJIABANG;

    @Autowired DemoCare care;
    @Autowired DemoSettings settings;
    @Autowired JdbcTemplate jdbc;

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void theCareStoryIsThereAndLoadingAgainAddsNothing() {
        // step 11: 周秀兰's request, filed by staff, given to a volunteer by "assign all"
        assertThat(jdbc.queryForObject("""
                select status from care_help_request where community_id = ? and address like '1号楼 101'
                and on_behalf = true""", String.class, ZHANGJIABANG)).isEqualTo("ASSIGNED");
        assertThat(count("select count(*) from care_help_request where community_id = ? and status in ('NEW', 'TRIAGED')",
                ZHANGJIABANG)).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(distinct urgency) from care_help_request where community_id = ?", ZHANGJIABANG))
                .isGreaterThanOrEqualTo(3);

        // steps 12–13: 王丽娟 under observation, a fever and a missed check-in alerted; 陈浩宇 flagged
        assertThat(count("select count(*) from care_observation where resident_name = '王丽娟' and status = 'OPEN'"))
                .isEqualTo(1);
        assertThat(count("""
                select count(*) from care_alert a join care_observation o on o.id = a.subject_id
                where o.resident_name = '王丽娟' and a.kind = 'FEVER'""")).isGreaterThanOrEqualTo(1);
        // at least one of each: the demo's check-ins are placed relative to now, and the care watch adds a missed
        // check-in for every later slot that passes unchecked, so how many depends on the time of day the test runs
        assertThat(count("""
                select count(*) from care_alert a join care_observation o on o.id = a.subject_id
                where o.resident_name = '王丽娟' and a.kind = 'MISSED_CHECK_IN'""")).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                select count(*) from care_dependant_flag where dependant_name = '陈浩宇'""") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                select count(*) from care_alert where kind = 'DEPENDANT_WITHOUT_CARER' and status = 'OPEN'
                and community_id = ?""", ZHANGJIABANG) >= 1);
        assertThat(count("select count(*) from care_welfare_task where resident_name = '陈浩宇' and status = 'OPEN'"))
                .isEqualTo(1);

        // tier 3, the acknowledged referral, rounds, tier 1
        assertThat(count("select count(*) from care_family_case where community_id = ?", ZHANGJIABANG)).isEqualTo(1);
        assertThat(count("""
                select count(*) from care_referral r join user_account u on u.id = r.expert_id
                where u.username = 'expert' and r.status = 'ACKNOWLEDGED'""")).isEqualTo(1);
        assertThat(count("select count(*) from care_welfare_contact where community_id = ?", ZHANGJIABANG))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from care_screening_contact where community_id = ?", ZHANGJIABANG))
                .isGreaterThanOrEqualTo(4);

        var before = count("select count(*) from care_help_request") + count("select count(*) from care_observation")
                + count("select count(*) from care_referral");
        care.load(Divisions.load(), DemoStory.of(settings.seed()));
        assertThat(count("select count(*) from care_help_request") + count("select count(*) from care_observation")
                + count("select count(*) from care_referral")).isEqualTo(before);
    }
}
