package org.liandong.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What differs between the two demo cities: which district and street, the age structure of older people,
 * how households are made up, how many residents are registered elsewhere, and how addresses are written.
 * The targets come from the 2020 census (docs/demo-data.md, /work/shared/data/FIGURES.md):
 * Shanghai 60+ 23.4 %, 65+ 16.28 %, 2.32 persons per household, 42.1 % migrants;
 * Wuhan 60+ 17.23 %, 65+ 11.81 %, 2.47 persons per household.
 *
 * @param districtCode      six-digit district code, also the region prefix of generated ID numbers
 * @param streetCode        the street (街道) the demo fills
 * @param elderBands        the bands (60–64, 65–79, 80+) that ages of older people are drawn from; set a little
 *                          apart from the census shares because people of 60–64 also head younger households,
 *                          and tuned with the household weights until the whole population hits the targets
 *                          (DemoHouseholdsUnitTests)
 * @param kinds             relative weights of each household shape
 * @param elsewhereFactor   scales the chance that a household is registered elsewhere (实住 or 流动)
 * @param roads             real roads of the area; lane and house numbers on them are invented
 * @param lanes             Shanghai style "路 123 弄 5 号" instead of Wuhan style "大道 88 号 5 栋"
 * @param buildingSuffix    "号楼" or "栋"
 * @param localSurnames     surnames more common in this city than in the country as a whole (weighted up 2.5×)
 */
record DemoCity(String key, String districtCode, String streetCode, double[] elderBands,
                Map<HouseholdKind, Double> kinds, double elsewhereFactor, List<String> roads, boolean lanes,
                String buildingSuffix, List<String> localSurnames) {

    static final DemoCity SHANGHAI = new DemoCity("shanghai", "310104", "310104008",
            new double[] {0.26, 0.52, 0.22},
            weights(new double[] {
                    0.12, // YOUNG_SINGLE
                    0.08, // ELDER_ALONE
                    0.17, // COUPLE
                    0.11, // ELDER_COUPLE
                    0.14, // ONE_CHILD
                    0.03, // TWO_CHILDREN
                    0.025, // SINGLE_PARENT
                    0.06, // THREE_GENERATIONS
                    0.05, // ELDER_WITH_ADULT_CHILD
                    0.015, // SKIPPED_GENERATION
                    0.12, // GROWN_CHILD_AT_HOME
                    0.05}), // SHARED_RENT
            1.05,
            List.of("枫林路", "东安路", "宛平南路", "零陵路", "天钥桥路", "小木桥路", "斜土路", "医学院路"), true, "号楼",
            List.of("沈", "顾", "陆", "钱", "蒋", "姚", "金", "施", "朱", "徐"));

    static final DemoCity WUHAN = new DemoCity("wuhan", "420102", "420102017",
            new double[] {0.24, 0.56, 0.20},
            weights(new double[] {
                    0.13, // YOUNG_SINGLE
                    0.05, // ELDER_ALONE
                    0.17, // COUPLE
                    0.055, // ELDER_COUPLE
                    0.18, // ONE_CHILD
                    0.06, // TWO_CHILDREN
                    0.03, // SINGLE_PARENT
                    0.07, // THREE_GENERATIONS
                    0.04, // ELDER_WITH_ADULT_CHILD
                    0.03, // SKIPPED_GENERATION
                    0.11, // GROWN_CHILD_AT_HOME
                    0.03}), // SHARED_RENT
            0.45,
            List.of("后湖大道", "金桥大道", "兴业路", "后湖二路", "后湖四路"), false, "栋",
            List.of("胡", "万", "余", "汪", "熊", "涂", "程", "夏", "雷", "彭"));

    static List<DemoCity> all() {
        return List.of(SHANGHAI, WUHAN);
    }

    private static Map<HouseholdKind, Double> weights(double[] values) {
        var kinds = HouseholdKind.values();
        if (values.length != kinds.length) {
            throw new IllegalArgumentException("one weight per household kind");
        }
        var map = new EnumMap<HouseholdKind, Double>(HouseholdKind.class);
        for (int i = 0; i < kinds.length; i++) {
            map.put(kinds[i], values[i]);
        }
        return map;
    }
}
