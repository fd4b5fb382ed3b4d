package org.liandong.demo;

/**
 * One module's part of the demo story, loaded after the registry, the logins and the volunteers are in place.
 * Each chapter is a bean of its own (care, supplies, notices, partners, resilience…) so modules add their demo
 * without touching the loader; {@link DemoLoader} runs them in {@link org.springframework.core.annotation.Order}
 * order. A chapter must be idempotent: it checks whether its data is already there and adds nothing if so, since
 * the loader runs at every start.
 */
interface DemoChapter {

    /** Adds this chapter's data unless it is already there. */
    void load(Divisions divisions, DemoStory story);

    /** A short name for the log, e.g. "care". */
    String name();
}
