package org.liandong.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The counts and facts other modules measure with, and the stage history they read periods from. */
@LiandongTest
class CommunityFiguresIntegrationTests {

    @Autowired Fixtures fixtures;
    @Autowired CommunityFigures figures;
    @Autowired StageHistory history;
    @Autowired RegistryWriter writer;
    @Autowired Registry registry;
    @Autowired UserDetailsService users;

    @Test
    void residentsHouseholdsVulnerableAndCarers() {
        var a = fixtures.street().a();
        assertThat(figures.residents(a.id())).isEqualTo(14);
        assertThat(figures.households(a.id())).containsExactlyInAnyOrderElementsOf(a.households());
        assertThat(figures.vulnerableResidents(a.id())).containsExactlyInAnyOrder(a.elderlyAloneWithoutCarer(),
                a.disabledWithCarer());
        assertThat(figures.vulnerableResidentsWithCarer(a.id())).containsExactly(a.disabledWithCarer());

        registry.moveOut(org.liandong.platform.AccessScope.all(), a.elderlyAloneWithoutCarer(), LocalDate.now());
        assertThat(figures.residents(a.id())).isEqualTo(13);
        assertThat(figures.vulnerableResidents(a.id())).containsExactly(a.disabledWithCarer());
    }

    @Test
    void findsAResidentByTheKeyedHashOfTheIdNumberAndTellsBuildingAndAges() {
        var a = fixtures.street().a();
        var id = ChineseIdNumber.of("310104", LocalDate.of(1991, 7, 7), 321);
        var resident = new RegistryWriter.NewResident(UUID.randomUUID(), a.id(), a.households().get(3), "测试人", 'M',
                id.birthDate(), id, null, Relation.OTHER, Residence.REGISTERED, null, null, Set.of(), null);
        writer.residents(List.of(resident));

        var found = figures.residentsByIdHash(List.of(writer.blindIndex(id), "no-such-hash"));
        assertThat(found).hasSize(1);
        var fact = found.get(writer.blindIndex(id));
        assertThat(fact.residentId()).isEqualTo(resident.id());
        assertThat(fact.householdId()).isEqualTo(a.households().get(3));
        assertThat(fact.buildingId()).isEqualTo(a.buildings().get(3));
        assertThat(fact.birthDate()).isEqualTo(LocalDate.of(1991, 7, 7));

        var household = figures.households(List.of(a.households().get(0))).get(a.households().get(0));
        assertThat(household.buildingId()).isEqualTo(a.buildings().get(0));
        assertThat(household.birthDates()).contains(LocalDate.of(1938, 1, 9)).hasSize(3);
    }

    @Test
    void stageHistoryKeepsEverySwitchAndItsPeriods() {
        var street = fixtures.street();
        var admin = (LiandongUser) users.loadUserByUsername(street.streetAdminUsername());
        assertThat(history.changes(street.a().id())).isEmpty();
        registry.changeStage(admin, street.a().id(), Stage.RESPOND, "封控");
        registry.changeStage(admin, street.a().id(), Stage.RECOVER, "解封");
        registry.changeStage(admin, street.a().id(), Stage.RESPOND, "再次封控");

        assertThat(history.changes(street.a().id())).extracting(StageHistory.StageChange::to)
                .containsExactly(Stage.RESPOND, Stage.RECOVER, Stage.RESPOND);
        var periods = history.periods(street.a().id(), Stage.RESPOND);
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).until()).isEqualTo(history.changes(street.a().id()).get(1).at());
        assertThat(periods.get(1).until()).isNull();
        assertThat(history.periods(street.b().id(), Stage.RESPOND)).isEmpty();
    }
}
