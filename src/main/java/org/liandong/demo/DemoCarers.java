package org.liandong.demo;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.liandong.community.CarerRelation;
import org.liandong.community.Relation;
import org.liandong.community.RegistryWriter.NewCarerLink;
import org.liandong.community.RegistryWriter.NewResident;

/**
 * Names a carer for the vulnerable residents of a community, as staff would after a first round of visits:
 * someone in the same flat where there is one (a parent or grandparent for a child, the spouse, a grown-up
 * child), otherwise a neighbour in the same building group, the building-group leader, a paid carer or a
 * son or daughter living elsewhere, known by name and phone. A few people, mostly living alone, are left with
 * nobody, so the "vulnerable residents without a carer" list has work in it (SCENARIOS.md step 1).
 */
final class DemoCarers {

    static final int FEWEST_WITHOUT_CARER = 3;
    static final int MOST_WITHOUT_CARER = 8;

    private final RandomGenerator random;
    private final LocalDate today;
    private final DemoNames names;
    private final DemoPhones phones;

    DemoCarers(RandomGenerator random, LocalDate today, DemoNames names, DemoPhones phones) {
        this.random = random;
        this.today = today;
        this.names = names;
        this.phones = phones;
    }

    List<NewCarerLink> links(DemoPeople.Population population) {
        var community = population.communityId();
        var links = new ArrayList<>(population.fixedLinks());
        var helpers = helpersByGroup(population);
        var leaders = new HashMap<>(population.leaders());
        var vulnerable = new ArrayList<Placed>();
        for (var home : population.homes()) {
            for (var r : home.members()) {
                if (!r.vulnerabilities().isEmpty() && !population.fixedResidents().contains(r.id())) {
                    vulnerable.add(new Placed(r, home));
                }
            }
        }
        var left = leftWithoutCarer(vulnerable,
                Math.max(0, between(FEWEST_WITHOUT_CARER, MOST_WITHOUT_CARER) - (int) population.fixedWithoutCarer()));
        for (var v : vulnerable) {
            if (left.contains(v.resident().id())) {
                continue;
            }
            var link = inHousehold(v).orElseGet(() -> outside(community, v, helpers, leaders));
            links.add(link);
        }
        return links;
    }

    private record Placed(NewResident resident, DemoPeople.Home home) {
    }

    private int age(NewResident r) {
        return Period.between(r.birthDate(), today).getYears();
    }

    /** The ones nobody has been found for yet: people living alone first, as in real registries. */
    private Set<UUID> leftWithoutCarer(List<Placed> vulnerable, int count) {
        var alone = new ArrayList<UUID>();
        var others = new ArrayList<UUID>();
        for (var v : vulnerable) {
            (v.home().members().size() == 1 ? alone : others).add(v.resident().id());
        }
        var chosen = new HashSet<UUID>();
        pick(alone, count, chosen);
        pick(others, count - chosen.size(), chosen);
        return chosen;
    }

    private void pick(List<UUID> from, int count, Set<UUID> into) {
        var pool = new ArrayList<>(from);
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            into.add(pool.remove(random.nextInt(pool.size())));
        }
    }

    private Optional<NewCarerLink> inHousehold(Placed v) {
        var d = v.resident();
        var others = v.home().members().stream().filter(m -> !m.id().equals(d.id()) && age(m) >= 18).toList();
        if (others.isEmpty() || d.relation() == Relation.TENANT) {
            return Optional.empty();
        }
        var head = others.stream().filter(m -> m.relation() == Relation.HEAD).findFirst();
        var spouse = others.stream().filter(m -> m.relation() == Relation.SPOUSE).findFirst();
        if (age(d) < 18) {
            // the head is the parent or, for a grandchild, the grandparent raising the child
            var guardian = head.or(() -> spouse).or(() -> others.stream().findFirst());
            return guardian.map(g -> link(d, g, CarerRelation.GUARDIAN));
        }
        switch (d.relation()) {
            case HEAD -> {
                if (spouse.isPresent()) {
                    return Optional.of(link(d, spouse.get(), CarerRelation.SPOUSE));
                }
                var child = others.stream().filter(m -> m.relation() == Relation.CHILD).findFirst();
                if (child.isPresent()) {
                    return Optional.of(link(d, child.get(), CarerRelation.CHILD));
                }
            }
            case SPOUSE -> {
                if (head.isPresent()) {
                    return Optional.of(link(d, head.get(), CarerRelation.SPOUSE));
                }
            }
            case PARENT -> {
                if (head.isPresent()) {
                    return Optional.of(link(d, head.get(), CarerRelation.CHILD));
                }
            }
            default -> {
            }
        }
        var relative = others.stream().filter(m -> m.relation() != Relation.TENANT && age(m) < 80).findFirst();
        return relative.map(r -> link(d, r, CarerRelation.RELATIVE));
    }

    private NewCarerLink outside(String community, Placed v, Map<Integer, List<NewResident>> helpers,
                                 Map<Integer, UUID> leaders) {
        var d = v.resident();
        var group = v.home().group();
        var nearby = helpers.getOrDefault(group, List.of()).stream()
                .filter(h -> !h.householdId().equals(d.householdId())).toList();
        var x = random.nextDouble();
        if (x < 0.3 && !nearby.isEmpty()) {
            return link(d, nearby.get(random.nextInt(nearby.size())), CarerRelation.NEIGHBOUR);
        }
        if (x < 0.5 && !nearby.isEmpty()) {
            var leader = leaders.computeIfAbsent(group, g -> nearby.get(random.nextInt(nearby.size())).id());
            if (!leader.equals(d.id())) {
                // the leader is the neighbour who looks in. BUILDING_GROUP_LEADER (21 characters) does not fit
                // carer_link.relation varchar(20) yet, so the link says NEIGHBOUR until that column is widened
                return new NewCarerLink(d.id(), community, leader, null, null, CarerRelation.NEIGHBOUR);
            }
        }
        if (x < 0.7) {
            var name = names.name('F', today.getYear() - between(45, 60));
            return new NewCarerLink(d.id(), community, null, name, phones.next(), CarerRelation.PAID_CARER);
        }
        // a son or daughter living elsewhere keeps the family name of a father
        var childSex = random.nextBoolean() ? 'M' : 'F';
        var surname = d.sex() == 'M' ? d.name().substring(0, 1) : names.surname();
        var name = surname + names.given(childSex, d.birthDate().getYear() + between(24, 34));
        return new NewCarerLink(d.id(), community, null, name, phones.next(), CarerRelation.CHILD);
    }

    /** Adults who could look in on a neighbour: 25–69, reachable by phone, not vulnerable themselves. */
    private Map<Integer, List<NewResident>> helpersByGroup(DemoPeople.Population population) {
        var helpers = new HashMap<Integer, List<NewResident>>();
        for (var home : population.homes()) {
            for (var r : home.members()) {
                int age = age(r);
                if (age >= 25 && age < 70 && r.phone() != null && r.vulnerabilities().isEmpty()) {
                    helpers.computeIfAbsent(home.group(), g -> new ArrayList<>()).add(r);
                }
            }
        }
        return helpers;
    }

    private static NewCarerLink link(NewResident dependant, NewResident carer, CarerRelation relation) {
        return new NewCarerLink(dependant.id(), dependant.communityId(), carer.id(), null, null, relation);
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
