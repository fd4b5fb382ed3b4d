package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.demo.DemoPeopleUnitTests.age;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.community.CarerRelation;
import org.liandong.community.RegistryWriter.NewResident;
import org.liandong.platform.PhoneNumber;

/** Most vulnerable residents have someone; a few per community do not, so staff have work to do. */
class DemoCarersUnitTests {

    private static final List<DemoPeopleUnitTests.Community> communities =
            DemoPeopleUnitTests.generate(DemoCity.SHANGHAI, 4, 1750);

    @Test
    void aFewPerCommunityHaveNobodyMostHaveSomeone() {
        for (var c : communities) {
            var vulnerable = c.population().residents().stream().filter(r -> !r.vulnerabilities().isEmpty()).toList();
            var cared = new HashSet<UUID>();
            c.links().forEach(l -> cared.add(l.dependantId()));
            var without = vulnerable.stream().filter(r -> !cared.contains(r.id())).count();
            assertThat(without).isBetween((long) DemoCarers.FEWEST_WITHOUT_CARER, (long) DemoCarers.MOST_WITHOUT_CARER);
            assertThat(vulnerable.size()).isGreaterThan(10 * (int) without);
        }
    }

    @Test
    void carersAreSomebodyElseReachableAndGrownUp() {
        for (var c : communities) {
            var byId = new HashMap<UUID, NewResident>();
            c.population().residents().forEach(r -> byId.put(r.id(), r));
            var dependants = new HashSet<UUID>();
            for (var link : c.links()) {
                assertThat(dependants.add(link.dependantId())).as("one link per dependant").isTrue();
                var dependant = byId.get(link.dependantId());
                assertThat(dependant).isNotNull();
                assertThat(dependant.vulnerabilities()).isNotEmpty();
                if (link.carerResidentId() != null) {
                    var carer = byId.get(link.carerResidentId());
                    assertThat(carer).as("carer lives in the community").isNotNull();
                    assertThat(carer.id()).isNotEqualTo(dependant.id());
                    assertThat(age(carer)).isGreaterThanOrEqualTo(18);
                    if (link.relation() == CarerRelation.GUARDIAN || link.relation() == CarerRelation.SPOUSE) {
                        assertThat(carer.householdId()).isEqualTo(dependant.householdId());
                    }
                    if (link.relation() == CarerRelation.NEIGHBOUR) {
                        assertThat(carer.householdId()).isNotEqualTo(dependant.householdId());
                    }
                } else {
                    assertThat(link.carerName()).matches("\\p{IsHan}{2,3}");
                    assertThat(PhoneNumber.isValid(link.carerPhone())).isTrue();
                    assertThat(link.relation()).isIn(CarerRelation.PAID_CARER, CarerRelation.CHILD);
                }
            }
        }
    }

    @Test
    void childrenAreCaredForByAGuardianAtHome() {
        for (var c : communities) {
            var byId = new HashMap<UUID, NewResident>();
            c.population().residents().forEach(r -> byId.put(r.id(), r));
            c.links().stream().filter(l -> age(byId.get(l.dependantId())) < 18)
                    .forEach(l -> assertThat(l.relation()).isEqualTo(CarerRelation.GUARDIAN));
        }
    }

    @Test
    void peopleLivingAloneHaveCarersFromOutsideTheFlat() {
        var relations = new HashSet<CarerRelation>();
        for (var c : communities) {
            var alone = new HashSet<UUID>();
            c.population().homes().stream().filter(h -> h.members().size() == 1)
                    .forEach(h -> alone.add(h.members().getFirst().id()));
            c.links().stream().filter(l -> alone.contains(l.dependantId())).forEach(l -> relations.add(l.relation()));
        }
        assertThat(relations).contains(CarerRelation.NEIGHBOUR, CarerRelation.PAID_CARER, CarerRelation.CHILD);
    }
}
