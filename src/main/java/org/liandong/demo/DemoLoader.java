package org.liandong.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.liandong.community.PlaceWriter;
import org.liandong.community.Places;
import org.liandong.community.RegistryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo on start-up: for each demo street not yet in the registry, its district, the street, all its
 * communities with their buildings, and households and residents in the first few communities — one transaction
 * per street, so a street is either all there or not there. Whether a street is there is the only check, which
 * keeps restarts idempotent and lets the demo share a database with other data. Then adds the demo logins, and
 * the volunteers ({@link DemoVolunteers}) if the volunteer login does not belong to a volunteer yet, and then each
 * module's {@link DemoChapter} in order.
 */
@Component
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    /** What one call of {@link #load()} added. */
    record Loaded(List<String> streets, int households, int residents, int carerLinks, int accounts,
                  long millis) {
    }

    private record Counts(int households, int residents, int carerLinks, int populated) {
        Counts plus(Counts o) {
            return new Counts(households + o.households, residents + o.residents, carerLinks + o.carerLinks,
                    populated + o.populated);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final DemoSettings settings;
    private final PlaceWriter placeWriter;
    private final Places places;
    private final RegistryWriter registry;
    private final DemoAccounts accounts;
    private final DemoVolunteers volunteers;
    private final ObjectProvider<DemoChapter> chapters;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoLoader(DemoSettings settings, PlaceWriter placeWriter, Places places, RegistryWriter registry,
               DemoAccounts accounts, DemoVolunteers volunteers, ObjectProvider<DemoChapter> chapters, TransactionTemplate tx,
               Clock clock) {
        this.settings = settings;
        this.placeWriter = placeWriter;
        this.places = places;
        this.registry = registry;
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.chapters = chapters;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    Loaded load() {
        long start = System.nanoTime();
        var divisions = Divisions.load();
        var story = DemoStory.of(settings.seed());
        var phonesInUse = new HashSet<>(story.phones());
        var idNumbers = new DemoIdNumbers();
        var loaded = new ArrayList<String>();
        var total = new Counts(0, 0, 0, 0);
        for (var city : DemoCity.all()) {
            if (places.street(city.streetCode()).isPresent()) {
                log.info("Demo data: {} {} is already in the registry, not loading it again", city.streetCode(),
                        divisions.get(city.streetCode()).name());
                continue;
            }
            long t = System.nanoTime();
            var counts = tx.execute(status -> street(city, divisions, city == DemoCity.SHANGHAI ? story : null,
                    phonesInUse, idNumbers));
            if (counts == null) {
                throw new IllegalStateException("demo load of " + city.streetCode() + " returned nothing");
            }
            total = total.plus(counts);
            loaded.add(city.streetCode());
            log.info("Demo data: loaded {} {} ({} communities, {} populated): {} households, {} residents, "
                            + "{} carer links in {} ms", city.streetCode(), divisions.get(city.streetCode()).name(),
                    divisions.communitiesOf(city.streetCode()).size(), counts.populated(), counts.households(),
                    counts.residents(), counts.carerLinks(),
                    (System.nanoTime() - t) / 1_000_000);
        }
        int created = accounts.createMissing(divisions, story);
        volunteers.load(divisions, story);
        for (var chapter : chapters.orderedStream().toList()) {
            long t = System.nanoTime();
            chapter.load(divisions, story);
            log.debug("Demo data: chapter {} checked in {} ms", chapter.name(), (System.nanoTime() - t) / 1_000_000);
        }
        var result = new Loaded(List.copyOf(loaded), total.households(), total.residents(), total.carerLinks(), created,
                (System.nanoTime() - start) / 1_000_000);
        if (!loaded.isEmpty() || created > 0) {
            log.info("Demo data: {} residents and {} logins added in {} ms", total.residents(), created, result.millis());
        }
        return result;
    }

    /** Loads one street; returns households, residents, carer links and populated communities. */
    private Counts street(DemoCity city, Divisions divisions, @Nullable DemoStory story, Set<String> phonesInUse,
                         DemoIdNumbers idNumbers) {
        var street = divisions.get(city.streetCode());
        var district = divisions.get(street.parentCode());
        if (!places.hasDistrict(district.code())) {
            placeWriter.district(district.code(), district.name(), divisions.cityOf(district.code()));
        }
        placeWriter.street(street.code(), district.code(), street.name());
        var today = LocalDate.now(clock);
        var neighbourhood = new DemoNeighbourhood(placeWriter);
        var communities = divisions.communitiesOf(street.code());
        var counts = new Counts(0, 0, 0, 0);
        for (int i = 0; i < communities.size(); i++) {
            var community = communities.get(i);
            placeWriter.community(community.code(), street.code(), community.name(), DemoKinds.of(community.name()));
            var random = new SplittableRandom(settings.seed() * 1_000_003L + Long.parseLong(community.code()));
            if (i >= settings.populatedCommunitiesPerStreet()) {
                // places only: buildings a committee could import its households into
                neighbourhood.build(city, community.code(), i, expectedHouseholds(), random);
                continue;
            }
            var storyHere = i == 0 ? story : null;
            var names = new DemoNames(city, random);
            var phones = new DemoPhones(random, phonesInUse);
            var compositions = new DemoHouseholds(city, random)
                    .fill(settings.residentsPerCommunity() - (storyHere == null ? 0 : storyHere.people()));
            var layout = neighbourhood.build(city, community.code(), i,
                    compositions.size() + (storyHere == null ? 0 : storyHere.homes().size()), random);
            var population = new DemoPeople(city, today, random, names, phones, idNumbers)
                    .populate(layout, compositions, storyHere);
            var carerLinks = new DemoCarers(random, today, names, phones).links(population);
            registry.households(population.households());
            registry.residents(population.residents());
            registry.carerLinks(carerLinks);
            counts = counts.plus(new Counts(population.homes().size(), population.residents().size(),
                    carerLinks.size(), 1));
        }
        return counts;
    }

    private int expectedHouseholds() {
        return (int) Math.ceil(settings.residentsPerCommunity() / 2.4);
    }
}
