package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The place names copied into the product are the real ones, and complete for both demo streets. */
class DivisionsUnitTests {

    private final Divisions divisions = Divisions.load();

    @Test
    void fenglinStreetWithAllItsCommunities() {
        assertThat(divisions.get("310104").name()).isEqualTo("徐汇区");
        assertThat(divisions.cityOf("310104")).isEqualTo("上海市");
        assertThat(divisions.get("310104008").name()).isEqualTo("枫林路街道");
        var communities = divisions.communitiesOf("310104008");
        assertThat(communities).hasSize(32);
        assertThat(communities.getFirst().name()).isEqualTo("张家浜居委会");
        assertThat(communities).extracting(Divisions.Division::name)
                .contains("东安一村北居委会", "宛南新村第一、二居委会", "南康居委会");
    }

    @Test
    void houhuStreetInWuhan() {
        assertThat(divisions.get("420102").name()).isEqualTo("江岸区");
        assertThat(divisions.cityOf("420102")).isEqualTo("武汉市");
        assertThat(divisions.get("420102017").name()).isEqualTo("后湖街道");
        var communities = divisions.communitiesOf("420102017");
        assertThat(communities).hasSize(17);
        assertThat(communities.getFirst().name()).isEqualTo("建设新村社区");
    }

    @Test
    void kindsAreGuessedFromTheName() {
        assertThat(DemoKinds.of("东安一村北居委会")).isEqualTo(DemoKinds.OLD_PUBLIC);
        assertThat(DemoKinds.of("张家浜居委会")).isEqualTo(DemoKinds.RESETTLEMENT);
        assertThat(DemoKinds.of("沈家里居委会")).isEqualTo(DemoKinds.MIXED);
        assertThat(DemoKinds.of("四季园居委会")).isEqualTo(DemoKinds.COMMERCIAL);
        var kinds = divisions.rows().stream().filter(d -> d.level().equals("community"))
                .map(d -> DemoKinds.of(d.name())).toList();
        assertThat(kinds).contains(DemoKinds.COMMERCIAL, DemoKinds.OLD_PUBLIC, DemoKinds.RESETTLEMENT,
                DemoKinds.MIXED);
    }
}
