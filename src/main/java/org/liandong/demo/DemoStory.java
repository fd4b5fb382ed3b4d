package org.liandong.demo;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.VulnerabilityKind;

/**
 * The people of SCENARIOS.md, placed in the first community of 枫林路街道 so the story can be played on the demo:
 * an elderly woman living alone who runs out of blood-pressure medicine and has nobody registered to look in on
 * her (step 11), a disabled teenager whose guardian is his mother in the same flat (steps 12–13; she is also the
 * resident whose account is linked to the household), the building-group leader of 1号楼组, and a young tenant
 * with an account but no household yet, to try the claim flow. All of them are invented.
 */
record DemoStory(List<Home> homes, String elderPhone, String guardianPhone, String leaderPhone,
                 String claimantPhone) {

    enum Part { ELDER, GUARDIAN, TEENAGER, LEADER, LEADER_SPOUSE, CLAIMANT, FLATMATE }

    record Person(Part part, String name, char sex, int age, Relation relation, Residence residence,
                  @Nullable String phone, Set<VulnerabilityKind> tags, @Nullable String grade,
                  @Nullable String needs) {
    }

    /** A flat the story reserves: building number (1 = 1号楼), room, and who lives there. */
    record Home(int building, String room, List<Person> people) {
    }

    static final String ELDER = "周秀兰";
    static final String GUARDIAN = "王丽娟";
    static final String TEENAGER = "陈浩宇";
    static final String LEADER = "孙建国";
    static final String CLAIMANT = "赵磊";

    static final int CLAIMANT_BUILDING = 2;
    static final String CLAIMANT_ROOM = "402";
    static final int GUARDIAN_BUILDING = 1;
    static final String GUARDIAN_ROOM = "302";
    static final int LEADER_BUILDING = 1;
    static final String LEADER_ROOM = "201";

    /** The same seed always gives the same phones, so the logins printed on every start stay the same. */
    static DemoStory of(long seed) {
        var phones = new DemoPhones(new Random(seed * 31 + 7));
        var elderPhone = phones.next();
        var guardianPhone = phones.next();
        var leaderPhone = phones.next();
        var leaderSpousePhone = phones.next();
        var claimantPhone = phones.next();
        var flatmatePhone = phones.next();
        var registered = Residence.REGISTERED;
        return new DemoStory(List.of(
                new Home(1, "101", List.of(new Person(Part.ELDER, ELDER, 'F', 84, Relation.HEAD, registered,
                        elderPhone, Set.of(VulnerabilityKind.ELDERLY_ALONE, VulnerabilityKind.AGED_80_PLUS,
                        VulnerabilityKind.CHRONIC_ILLNESS), null, "高血压，每天服降压药；腿脚不便，很少下楼"))),
                new Home(GUARDIAN_BUILDING, GUARDIAN_ROOM, List.of(
                        new Person(Part.GUARDIAN, GUARDIAN, 'F', 44, Relation.HEAD, registered, guardianPhone,
                                Set.of(), null, null),
                        new Person(Part.TEENAGER, TEENAGER, 'M', 15, Relation.CHILD, registered, null,
                                Set.of(VulnerabilityKind.DISABILITY, VulnerabilityKind.MINOR), "二级",
                                "智力残疾，不能独自在家，由母亲照护"))),
                new Home(LEADER_BUILDING, LEADER_ROOM, List.of(
                        new Person(Part.LEADER, LEADER, 'M', 58, Relation.HEAD, registered, leaderPhone, Set.of(),
                                null, null),
                        new Person(Part.LEADER_SPOUSE, "李美华", 'F', 56, Relation.SPOUSE, registered,
                                leaderSpousePhone, Set.of(), null, null))),
                new Home(CLAIMANT_BUILDING, CLAIMANT_ROOM, List.of(
                        new Person(Part.CLAIMANT, CLAIMANT, 'M', 29, Relation.HEAD, Residence.MIGRANT, claimantPhone,
                                Set.of(), null, null),
                        new Person(Part.FLATMATE, "郭宇航", 'M', 27, Relation.TENANT, Residence.MIGRANT,
                                flatmatePhone, Set.of(), null, null)))),
                elderPhone, guardianPhone, leaderPhone, claimantPhone);
    }

    List<String> phones() {
        return homes.stream().flatMap(h -> h.people().stream()).map(Person::phone)
                .filter(Objects::nonNull).toList();
    }

    int people() {
        return homes.stream().mapToInt(h -> h.people().size()).sum();
    }
}
