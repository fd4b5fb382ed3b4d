package org.liandong.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.community.CarerRelation;
import org.liandong.community.RegistryWriter.NewCarerLink;
import org.liandong.community.RegistryWriter.NewHousehold;
import org.liandong.community.RegistryWriter.NewResident;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.VulnerabilityKind;

/**
 * Moves composed households into the flats of a community and turns their members into residents: names,
 * birth dates, identity numbers, phones, where they are registered, and why some of them need looking after.
 * Shares (docs/demo-data.md): disability about 2 % (more among the old), chronic illness needing regular
 * medicine 15 % of those 60+, mental illness 0.5 % of adults, pregnancy 1 % of women 22–40, low income (低保)
 * 1.5 % of households, every child under 3, and minors only where their care is thin (grandparents raising them,
 * one parent, a disability) or at random for 5 %.
 */
final class DemoPeople {

    /** A household in its flat, with its members; {@code group} is the building group (0 = 1号楼组). */
    record Home(NewHousehold household, int group, List<NewResident> members) {
    }

    /**
     * Everyone in one community. {@code fixedLinks} and {@code fixedResidents} come from the story, whose care
     * is already decided; {@code leaders} names the leader of a building group where the story fixes one.
     */
    record Population(String communityId, List<Home> homes, List<NewCarerLink> fixedLinks,
                      Set<UUID> fixedResidents, Map<Integer, UUID> leaders) {

        List<NewHousehold> households() {
            return homes.stream().map(Home::household).toList();
        }

        List<NewResident> residents() {
            return homes.stream().flatMap(h -> h.members().stream()).toList();
        }

        /** Story residents who are vulnerable and have nobody: they count towards the community's gaps. */
        long fixedWithoutCarer() {
            var cared = fixedLinks.stream().map(NewCarerLink::dependantId).collect(Collectors.toSet());
            return residents().stream().filter(r -> fixedResidents.contains(r.id()))
                    .filter(r -> !r.vulnerabilities().isEmpty() && !cared.contains(r.id())).count();
        }
    }

    private static final String[] GRADES = {"一级", "二级", "三级", "四级"};
    private static final double[] GRADE_WEIGHTS = {0.15, 0.25, 0.30, 0.30};
    private static final List<String> CHRONIC_NEEDS = List.of("高血压，每天服降压药", "糖尿病，每天注射胰岛素",
            "冠心病，需长期服药", "慢阻肺，家中用制氧机", "肾病，每周透析三次");
    private static final List<String> DISABILITY_NEEDS = List.of("行动不便，需协助上下楼", "视力残疾，外出需陪同",
            "听力残疾，电话联系不上时请上门", "坐轮椅，出门需帮助");

    private final DemoCity city;
    private final LocalDate today;
    private final RandomGenerator random;
    private final DemoNames names;
    private final DemoPhones phones;
    private final DemoIdNumbers idNumbers;

    DemoPeople(DemoCity city, LocalDate today, RandomGenerator random, DemoNames names, DemoPhones phones,
               DemoIdNumbers idNumbers) {
        this.city = city;
        this.today = today;
        this.random = random;
        this.names = names;
        this.phones = phones;
        this.idNumbers = idNumbers;
    }

    Population populate(DemoNeighbourhood.Layout layout, List<DemoHouseholds.Composition> compositions,
                        @Nullable DemoStory story) {
        var community = layout.communityCode();
        var homes = new ArrayList<Home>(compositions.size() + 4);
        var fixedLinks = new ArrayList<NewCarerLink>();
        var fixedResidents = new HashSet<UUID>();
        var leaders = new HashMap<Integer, UUID>();
        var reserved = new HashSet<String>();
        if (story != null) {
            for (var home : story.homes()) {
                var building = layout.building(home.building());
                reserved.add(building.number() + "/" + home.room());
                homes.add(storyHome(community, building, home, fixedLinks, fixedResidents, leaders));
            }
        }
        var flats = freeFlats(layout, reserved);
        if (flats.size() < compositions.size()) {
            throw new IllegalStateException("layout of " + community + " has too few flats");
        }
        Collections.shuffle(flats, random);
        var taken = new ArrayList<>(flats.subList(0, compositions.size()));
        taken.sort(Comparator.comparingInt((Flat f) -> f.building().number()).thenComparing(Flat::room));
        for (int i = 0; i < compositions.size(); i++) {
            homes.add(home(community, taken.get(i), homes.size(), compositions.get(i)));
        }
        return new Population(community, List.copyOf(homes), List.copyOf(fixedLinks), Set.copyOf(fixedResidents),
                Map.copyOf(leaders));
    }

    private record Flat(DemoNeighbourhood.Building building, String room) {
    }

    private static List<Flat> freeFlats(DemoNeighbourhood.Layout layout, Set<String> reserved) {
        var flats = new ArrayList<Flat>();
        for (var building : layout.buildings()) {
            for (var room : building.rooms()) {
                if (!reserved.contains(building.number() + "/" + room)) {
                    flats.add(new Flat(building, room));
                }
            }
        }
        return flats;
    }

    private Home home(String community, Flat flat, int index, DemoHouseholds.Composition composition) {
        var household = new NewHousehold(id(community, "household", index), community, flat.building().id(),
                flat.room());
        var residence = !composition.registeredElsewhere() ? Residence.REGISTERED
                : random.nextDouble() < 0.7 ? Residence.MIGRANT : Residence.ACTUAL;
        var movedIn = residence == Residence.REGISTERED ? null : today.minusDays(30 + random.nextInt(3650));
        var lowIncome = random.nextDouble() < 0.015;
        var members = composition.members();
        var head = members.getFirst();
        var headSurname = names.surname();
        String fatherSurname = headSurname;
        if (head.sex() == 'F') {
            var husband = members.stream().filter(m -> m.relation() == Relation.SPOUSE).findFirst();
            fatherSurname = husband.isPresent() ? names.surname() : (random.nextDouble() < 0.2 ? headSurname : names.surname());
        }
        var residents = new ArrayList<NewResident>(members.size());
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            var surname = switch (m.relation()) {
                case HEAD -> headSurname;
                case CHILD -> fatherSurname;
                case GRANDCHILD -> head.sex() == 'M' && random.nextDouble() < 0.7 ? headSurname : names.surname();
                case PARENT -> m.sex() == 'M' ? headSurname : names.surname();
                default -> names.surname();
            };
            var birth = today.minusYears(m.age()).minusDays(random.nextInt(365));
            var tags = tags(m, composition, lowIncome && i == 0);
            var grade = tags.contains(VulnerabilityKind.DISABILITY) ? grade() : null;
            residents.add(new NewResident(id(community, "resident", index * 8 + i), community, household.id(),
                    surname + names.given(m.sex(), birth.getYear()), m.sex(), birth,
                    idNumbers.next(city.districtCode(), birth, m.sex()), phone(m.age()), m.relation(), residence,
                    movedIn == null ? null : (movedIn.isBefore(birth) ? birth : movedIn), needs(tags), tags, grade));
        }
        return new Home(household, flat.building().group(), List.copyOf(residents));
    }

    private Home storyHome(String community, DemoNeighbourhood.Building building, DemoStory.Home home,
                           List<NewCarerLink> links, Set<UUID> fixed, Map<Integer, UUID> leaders) {
        var household = new NewHousehold(id(community, "story-household", building.number() * 1000
                + Integer.parseInt(home.room())), community, building.id(), home.room());
        var residents = new ArrayList<NewResident>();
        for (var p : home.people()) {
            // a fixed day in the year, so the story people keep their birthdays from one load to the next
            var birth = today.minusYears(p.age()).minusDays(37L * (p.part().ordinal() + 1) % 365);
            var resident = new NewResident(id(community, "story", p.part().ordinal()), community, household.id(),
                    p.name(), p.sex(), birth, idNumbers.next(city.districtCode(), birth, p.sex()), p.phone(),
                    p.relation(), p.residence(), p.residence() == Residence.REGISTERED ? null : today.minusMonths(8),
                    p.needs(), p.tags(), p.grade());
            residents.add(resident);
            fixed.add(resident.id());
            if (p.part() == DemoStory.Part.LEADER) {
                leaders.put(building.group(), resident.id());
            }
        }
        var guardian = residents.stream().filter(r -> r.name().equals(DemoStory.GUARDIAN)).findFirst();
        var teenager = residents.stream().filter(r -> r.name().equals(DemoStory.TEENAGER)).findFirst();
        if (guardian.isPresent() && teenager.isPresent()) {
            links.add(new NewCarerLink(teenager.get().id(), community, guardian.get().id(), null, null,
                    CarerRelation.GUARDIAN));
        }
        return new Home(household, building.group(), List.copyOf(residents));
    }

    private Set<VulnerabilityKind> tags(DemoHouseholds.Member m, DemoHouseholds.Composition household,
                                        boolean lowIncome) {
        var tags = EnumSet.noneOf(VulnerabilityKind.class);
        int age = m.age();
        if (age >= 80) {
            tags.add(VulnerabilityKind.AGED_80_PLUS);
        }
        if (age >= 70 && household.size() == 1) {
            tags.add(VulnerabilityKind.ELDERLY_ALONE);
        }
        if (random.nextDouble() < (age < 18 ? 0.008 : age < 60 ? 0.012 : 0.04)) {
            tags.add(VulnerabilityKind.DISABILITY);
        }
        if (age >= 60 && random.nextDouble() < 0.15) {
            tags.add(VulnerabilityKind.CHRONIC_ILLNESS);
        }
        if (age >= 18 && random.nextDouble() < 0.005) {
            tags.add(VulnerabilityKind.MENTAL_ILLNESS);
        }
        if (m.sex() == 'F' && age >= 22 && age <= 40 && random.nextDouble() < 0.01) {
            tags.add(VulnerabilityKind.PREGNANCY);
        }
        if (age < 3) {
            tags.add(VulnerabilityKind.INFANT);
        } else if (age < 18 && (household.kind() == HouseholdKind.SKIPPED_GENERATION
                || household.kind() == HouseholdKind.SINGLE_PARENT || tags.contains(VulnerabilityKind.DISABILITY)
                || random.nextDouble() < 0.05)) {
            tags.add(VulnerabilityKind.MINOR);
        }
        if (lowIncome) {
            tags.add(VulnerabilityKind.LOW_INCOME);
        }
        return Collections.unmodifiableSet(tags);
    }

    private String grade() {
        var x = random.nextDouble();
        for (int i = 0; i < GRADES.length; i++) {
            x -= GRADE_WEIGHTS[i];
            if (x < 0) {
                return GRADES[i];
            }
        }
        return GRADES[GRADES.length - 1];
    }

    private @Nullable String needs(Set<VulnerabilityKind> tags) {
        if (tags.contains(VulnerabilityKind.CHRONIC_ILLNESS) && random.nextDouble() < 0.6) {
            return CHRONIC_NEEDS.get(random.nextInt(CHRONIC_NEEDS.size()));
        }
        if (tags.contains(VulnerabilityKind.DISABILITY) && random.nextDouble() < 0.6) {
            return DISABILITY_NEEDS.get(random.nextInt(DISABILITY_NEEDS.size()));
        }
        if (tags.contains(VulnerabilityKind.PREGNANCY)) {
            return "孕期，需按时产检";
        }
        return null;
    }

    /** Most adults have a mobile; fewer of the very old, some teenagers, no children. */
    private @Nullable String phone(int age) {
        double p = age >= 80 ? 0.4 : age >= 70 ? 0.75 : age >= 18 ? 0.95 : age >= 14 ? 0.35 : 0;
        return random.nextDouble() < p ? phones.next() : null;
    }

    /** Stable ids: the same community and position always give the same id. */
    static UUID id(String community, String kind, int index) {
        return UUID.nameUUIDFromBytes(("liandong-demo/" + community + "/" + kind + "/" + index)
                .getBytes(StandardCharsets.UTF_8));
    }
}
