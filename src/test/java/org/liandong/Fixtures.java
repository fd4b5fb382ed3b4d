package org.liandong;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.liandong.account.Accounts;
import org.liandong.community.CarerRelation;
import org.liandong.community.PlaceWriter;
import org.liandong.community.RegistryWriter;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.Role;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds a street with two communities (A and B), their buildings, households and residents, and the
 * accounts that work in them. Every call uses fresh codes, so tests can share one database.
 */
public class Fixtures {

    public static final String PASSWORD = "test-password-1";

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 500_000));

    /** A community built for a test: its code, buildings, a few households and notable residents. */
    public record TestCommunity(String id, String name, List<UUID> buildings, List<String> buildingNames,
                                List<UUID> households, UUID elderlyAloneWithoutCarer, UUID disabledWithCarer,
                                UUID carerOfDisabled, String staffUsername) {
    }

    public record TestStreet(String id, TestCommunity a, TestCommunity b, String streetAdminUsername) {
    }

    private final PlaceWriter places;
    private final RegistryWriter registry;
    private final Accounts accounts;
    private final TransactionTemplate tx;

    public Fixtures(PlaceWriter places, RegistryWriter registry, Accounts accounts, TransactionTemplate tx) {
        this.places = places;
        this.registry = registry;
        this.accounts = accounts;
        this.tx = tx;
    }

    public TestStreet street() {
        return tx.execute(status -> {
            var n = SEQUENCE.incrementAndGet();
            var district = "T" + String.format("%05d", n % 100_000);
            places.district(district, "测试区" + n, "上海市");
            var street = district + "001";
            places.street(street, district, "测试街道" + n);
            var a = community(street, street + "001", "甲社区" + n);
            var b = community(street, street + "002", "乙社区" + n);
            var admin = "street-admin-" + n;
            accounts.create(admin, "街道管理员" + n, PASSWORD, Role.STREET_ADMIN, List.of(street), List.of(), null);
            return new TestStreet(street, a, b, admin);
        });
    }

    private TestCommunity community(String street, String code, String name) {
        places.community(code, street, name, "COMMERCIAL");
        var grid = places.grid(code, "第一网格");
        var buildings = new ArrayList<UUID>();
        var names = new ArrayList<String>();
        for (int g = 1; g <= 2; g++) {
            var group = places.buildingGroup(code, grid, g + "号楼组");
            for (int b = 1; b <= 2; b++) {
                var buildingName = ((g - 1) * 2 + b) + "号楼";
                buildings.add(places.building(code, group, buildingName, name + "路" + buildingName));
                names.add(buildingName);
            }
        }
        var households = new ArrayList<RegistryWriter.NewHousehold>();
        var residents = new ArrayList<RegistryWriter.NewResident>();
        for (int i = 0; i < 6; i++) {
            var h = new RegistryWriter.NewHousehold(UUID.randomUUID(), code, buildings.get(i % buildings.size()),
                    (101 + i) + "");
            households.add(h);
            residents.add(resident(code, h.id(), "张" + i, 'M', LocalDate.of(1975, 3, 1 + i), Relation.HEAD, Set.of()));
            residents.add(resident(code, h.id(), "李" + i, 'F', LocalDate.of(1978, 5, 1 + i), Relation.SPOUSE, Set.of()));
        }
        var alone = resident(code, households.get(0).id(), "王独居", 'F', LocalDate.of(1938, 1, 9), Relation.PARENT,
                Set.of(VulnerabilityKind.ELDERLY_ALONE, VulnerabilityKind.AGED_80_PLUS));
        var disabled = resident(code, households.get(1).id(), "赵小明", 'M', LocalDate.of(2010, 6, 1), Relation.CHILD,
                Set.of(VulnerabilityKind.DISABILITY, VulnerabilityKind.MINOR));
        residents.add(alone);
        residents.add(disabled);
        registry.households(households);
        registry.residents(residents);
        var carer = residents.get(2); // head of household 1, the teenager's guardian
        registry.carerLinks(List.of(new RegistryWriter.NewCarerLink(disabled.id(), code, carer.id(), null, null,
                CarerRelation.GUARDIAN)));
        var staff = "staff-" + code;
        accounts.create(staff, "社工" + code.substring(code.length() - 4), PASSWORD, Role.COMMUNITY_STAFF, List.of(),
                List.of(code), null);
        return new TestCommunity(code, name, buildings, names, households.stream().map(RegistryWriter.NewHousehold::id)
                .toList(), alone.id(), disabled.id(), carer.id(), staff);
    }

    /** A resident account linked to the first household of the community. */
    public String residentAccount(TestCommunity community) {
        var phone = "139" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000);
        accounts.create(phone, "居民" + phone.substring(7), PASSWORD, Role.RESIDENT, List.of(), List.of(),
                community.households().get(0));
        return phone;
    }

    /** A resident account linked to the community's household number {@code index} (0 to 5). */
    public String residentAccountOf(TestCommunity community, int index) {
        var phone = "139" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000);
        accounts.create(phone, "居民" + phone.substring(7), PASSWORD, Role.RESIDENT, List.of(), List.of(),
                community.households().get(index));
        return phone;
    }

    public static ChineseIdNumber nextIdNumber() {
        var n = SEQUENCE.incrementAndGet();
        var birth = LocalDate.of(1950, 1, 1).plusDays(n / 800 % 20_000);
        return ChineseIdNumber.of("310104", birth, 100 + n % 800);
    }

    private static RegistryWriter.NewResident resident(String community, UUID household, String name, char sex,
                                                       LocalDate birth, Relation relation,
                                                       Set<VulnerabilityKind> tags) {
        return new RegistryWriter.NewResident(UUID.randomUUID(), community, household, name, sex, birth,
                nextIdNumber(), "138" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000), relation,
                Residence.REGISTERED, null, null, tags, tags.contains(VulnerabilityKind.DISABILITY) ? "二级" : null);
    }
}
