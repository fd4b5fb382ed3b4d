package org.liandong.demo;

/**
 * A plausible kind for a real community, guessed from its name for the demo only: 新村 and 村 estates are
 * mostly old public housing, names after a former village (宅, 浜, 湾, 家山) suggest resettlement housing,
 * lanes (里, 坊) mixed housing, and the rest commercial housing. It says nothing true about the real place.
 */
final class DemoKinds {

    static final String COMMERCIAL = "COMMERCIAL";
    static final String OLD_PUBLIC = "OLD_PUBLIC";
    static final String RESETTLEMENT = "RESETTLEMENT";
    static final String MIXED = "MIXED";

    private DemoKinds() {
    }

    static String of(String communityName) {
        var name = communityName.replace("居委会", "").replace("社区", "");
        if (name.contains("村")) {
            return OLD_PUBLIC;
        }
        if (name.contains("宅") || name.contains("浜") || name.contains("湾") || name.contains("家山")) {
            return RESETTLEMENT;
        }
        if (name.contains("里") || name.contains("坊")) {
            return MIXED;
        }
        return COMMERCIAL;
    }
}
