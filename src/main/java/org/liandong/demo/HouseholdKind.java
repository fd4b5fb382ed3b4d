package org.liandong.demo;

/** The shapes of household the demo composes; weights per city are in {@link DemoCity}. */
enum HouseholdKind {
    /** one adult under 60 */
    YOUNG_SINGLE,
    /** one person aged 60 or over */
    ELDER_ALONE,
    /** a couple under 60 without children at home */
    COUPLE,
    /** a couple aged 60 or over */
    ELDER_COUPLE,
    /** a couple and one child */
    ONE_CHILD,
    /** a couple and two children */
    TWO_CHILDREN,
    /** one parent and a child */
    SINGLE_PARENT,
    /** grandparents, their child's family and a grandchild */
    THREE_GENERATIONS,
    /** an adult child living with one or two elderly parents */
    ELDER_WITH_ADULT_CHILD,
    /** grandparents raising a grandchild whose parents work elsewhere */
    SKIPPED_GENERATION,
    /** a couple in their fifties with a grown-up child at home */
    GROWN_CHILD_AT_HOME,
    /** young people sharing a rented flat */
    SHARED_RENT
}
