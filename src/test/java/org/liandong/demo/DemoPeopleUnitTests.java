package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.liandong.community.CarerRelation;
import org.liandong.community.RegistryWriter.NewCarerLink;
import org.liandong.community.RegistryWriter.NewResident;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.ChineseIdNumber;

/** Whole communities generated without a database: people, their numbers, vulnerabilities and carers. */
class DemoPeopleUnitTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    record Community(DemoPeople.Population population, List<NewCarerLink> links) {
    }

    /** Generates communities the way DemoLoader does, with the story in the first Shanghai one. */
    static List<Community> generate(DemoCity city, int communities, int residents) {
        var story = DemoStory.of(42);
        var phonesInUse = new HashSet<>(story.phones());
        var ids = new DemoIdNumbers();
        var result = new ArrayList<Community>();
        for (int i = 0; i < communities; i++) {
            var code = city.streetCode() + String.format("%03d", i + 1);
            var random = new SplittableRandom(42L * 1_000_003L + Long.parseLong(code));
            var storyHere = i == 0 && city == DemoCity.SHANGHAI ? story : null;
            var names = new DemoNames(city, random);
            var phones = new DemoPhones(random, phonesInUse);
            var compositions = new DemoHouseholds(city, random)
                    .fill(residents - (storyHere == null ? 0 : storyHere.people()));
            var plan = DemoNeighbourhood.plan(city, code, i,
                    compositions.size() + (storyHere == null ? 0 : storyHere.homes().size()), random);
            var layout = DemoNeighbourhood.Layout.of(plan, n -> DemoPeople.id(code, "building", n));
            var population = new DemoPeople(city, TODAY, random, names, phones, ids)
                    .populate(layout, compositions, storyHere);
            result.add(new Community(population, new DemoCarers(random, TODAY, names, phones).links(population)));
        }
        return result;
    }

    static List<NewResident> residents(List<Community> communities) {
        return communities.stream().flatMap(c -> c.population().residents().stream()).toList();
    }

    static int age(NewResident r) {
        return Period.between(r.birthDate(), TODAY).getYears();
    }

    static double share(List<NewResident> people, Predicate<NewResident> test) {
        return (double) people.stream().filter(test).count() / people.size();
    }

    static boolean tagged(NewResident r, VulnerabilityKind kind) {
        return r.vulnerabilities().contains(kind);
    }

    // the full demo size: six communities of 1,750 residents per city
    private static final List<Community> shanghai = generate(DemoCity.SHANGHAI, 6, 1750);
    private static final List<Community> wuhan = generate(DemoCity.WUHAN, 6, 1750);

    @Test
    void exactlyTheResidentsAskedFor() {
        for (var c : shanghai) {
            assertThat(c.population().residents()).hasSize(1750);
        }
        assertThat(residents(wuhan)).hasSize(6 * 1750);
    }

    @Test
    void everyIdNumberIsValidUniqueAndMatchesSexAndBirthDate() {
        var seen = new HashSet<String>();
        for (var city : List.of(shanghai, wuhan)) {
            for (var r : residents(city)) {
                var id = r.idNumber();
                assertThat(ChineseIdNumber.check(id.value(), TODAY)).isNull();
                assertThat(id.male()).isEqualTo(r.sex() == 'M');
                assertThat(id.birthDate()).isEqualTo(r.birthDate());
                assertThat(seen.add(id.value())).isTrue();
            }
        }
        assertThat(residents(shanghai)).allMatch(r -> r.idNumber().value().startsWith("310104"));
        assertThat(residents(wuhan)).allMatch(r -> r.idNumber().value().startsWith("420102"));
    }

    @Test
    void ageSharesFollowTheCensus() {
        var sh = residents(shanghai);
        assertThat(share(sh, r -> age(r) >= 60)).isBetween(0.21, 0.26);
        assertThat(share(sh, r -> age(r) >= 65)).isBetween(0.14, 0.185);
        assertThat(share(sh, r -> age(r) >= 80)).isBetween(0.035, 0.055);
        var wh = residents(wuhan);
        assertThat(share(wh, r -> age(r) >= 60)).isBetween(0.155, 0.19);
        assertThat(share(wh, r -> age(r) >= 65)).isBetween(0.10, 0.135);
    }

    @Test
    void householdsAreSmallAndFlatsAreNotShared() {
        for (var city : List.of(shanghai, wuhan)) {
            for (var c : city) {
                var homes = c.population().homes();
                assertThat(homes).allMatch(h -> h.members().size() >= 1 && h.members().size() <= 5);
                var flats = new HashSet<String>();
                for (var h : homes) {
                    assertThat(flats.add(h.household().buildingId() + "/" + h.household().room())).isTrue();
                    assertThat(h.members().getFirst().relation()).isEqualTo(Relation.HEAD);
                }
            }
        }
        var shMean = (double) residents(shanghai).size() / shanghai.stream().mapToInt(c -> c.population().homes().size()).sum();
        var whMean = (double) residents(wuhan).size() / wuhan.stream().mapToInt(c -> c.population().homes().size()).sum();
        assertThat(shMean).isBetween(2.2, 2.45);
        assertThat(whMean).isBetween(2.35, 2.6);
        assertThat(shMean).isLessThan(whMean);
    }

    @Test
    void manyShanghaiAdultsAreRegisteredElsewhereFewerInWuhan() {
        var sh = residents(shanghai).stream().filter(r -> age(r) >= 18).toList();
        var wh = residents(wuhan).stream().filter(r -> age(r) >= 18).toList();
        assertThat(share(sh, r -> r.residence() != Residence.REGISTERED)).isBetween(0.36, 0.48);
        assertThat(share(wh, r -> r.residence() != Residence.REGISTERED)).isBetween(0.12, 0.28);
        assertThat(residents(shanghai)).filteredOn(r -> r.residence() != Residence.REGISTERED)
                .allMatch(r -> r.movedIn() != null && !r.movedIn().isBefore(r.birthDate()));
    }

    @Test
    void mostAdultsHaveAPhoneNoYoungChildDoes() {
        var all = residents(shanghai);
        assertThat(share(all.stream().filter(r -> age(r) >= 18 && age(r) < 70).toList(), r -> r.phone() != null))
                .isGreaterThan(0.9);
        assertThat(all).filteredOn(r -> age(r) < 14).allMatch(r -> r.phone() == null);
        var phones = all.stream().map(NewResident::phone).filter(p -> p != null).toList();
        assertThat(new HashSet<>(phones)).hasSameSizeAs(phones);
    }

    @Test
    void vulnerabilitiesInRealisticShares() {
        var all = new ArrayList<>(residents(shanghai));
        all.addAll(residents(wuhan));
        var old = all.stream().filter(r -> age(r) >= 60).toList();
        assertThat(share(all, r -> tagged(r, VulnerabilityKind.DISABILITY))).isBetween(0.012, 0.03);
        assertThat(all).filteredOn(r -> tagged(r, VulnerabilityKind.DISABILITY))
                .allMatch(r -> List.of("一级", "二级", "三级", "四级").contains(r.disabilityGrade()));
        assertThat(share(old, r -> tagged(r, VulnerabilityKind.CHRONIC_ILLNESS))).isBetween(0.12, 0.18);
        assertThat(share(all, r -> tagged(r, VulnerabilityKind.MENTAL_ILLNESS))).isBetween(0.002, 0.008);
        assertThat(all).filteredOn(r -> tagged(r, VulnerabilityKind.PREGNANCY))
                .isNotEmpty().allMatch(r -> r.sex() == 'F' && age(r) >= 22 && age(r) <= 40);
        assertThat(all).filteredOn(r -> age(r) < 3).allMatch(r -> tagged(r, VulnerabilityKind.INFANT));
        assertThat(all).filteredOn(r -> tagged(r, VulnerabilityKind.AGED_80_PLUS)).allMatch(r -> age(r) >= 80);
        var minors = all.stream().filter(r -> age(r) >= 3 && age(r) < 18).toList();
        assertThat(share(minors, r -> tagged(r, VulnerabilityKind.MINOR))).isBetween(0.05, 0.3);
        long households = shanghai.stream().mapToLong(c -> c.population().homes().size()).sum()
                + wuhan.stream().mapToLong(c -> c.population().homes().size()).sum();
        var lowIncome = all.stream().filter(r -> tagged(r, VulnerabilityKind.LOW_INCOME)).count();
        assertThat((double) lowIncome / households).isBetween(0.008, 0.025);
    }

    @Test
    void elderlyAloneMeansSeventyOrOverAndLivingAlone() {
        for (var c : shanghai) {
            for (var h : c.population().homes()) {
                for (var r : h.members()) {
                    assertThat(tagged(r, VulnerabilityKind.ELDERLY_ALONE))
                            .isEqualTo(h.members().size() == 1 && age(r) >= 70);
                }
            }
        }
    }

    @Test
    void theStoryLivesInTheFirstShanghaiCommunity() {
        var first = shanghai.getFirst();
        var elder = find(first, DemoStory.ELDER);
        assertThat(age(elder)).isGreaterThanOrEqualTo(80);
        assertThat(elder.vulnerabilities()).contains(VulnerabilityKind.ELDERLY_ALONE, VulnerabilityKind.AGED_80_PLUS,
                VulnerabilityKind.CHRONIC_ILLNESS);
        assertThat(elder.needs()).contains("降压药");
        assertThat(first.links()).noneMatch(l -> l.dependantId().equals(elder.id()));

        var teenager = find(first, DemoStory.TEENAGER);
        var guardian = find(first, DemoStory.GUARDIAN);
        assertThat(age(teenager)).isBetween(13, 17);
        assertThat(teenager.vulnerabilities()).contains(VulnerabilityKind.DISABILITY);
        assertThat(teenager.householdId()).isEqualTo(guardian.householdId());
        assertThat(first.links()).anyMatch(l -> l.dependantId().equals(teenager.id())
                && guardian.id().equals(l.carerResidentId()) && l.relation() == CarerRelation.GUARDIAN);
        assertThat(guardian.phone()).isEqualTo(DemoStory.of(42).guardianPhone());
    }

    private static NewResident find(Community c, String name) {
        return c.population().residents().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
