package org.liandong.resilience.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.liandong.resilience.Dimension;

/**
 * A versioned survey instrument: its items, the scale they are answered on (plus "don't know") and how items make
 * scales. {@link #LIANDONG} is Liandong's own: three dimensions × three elements of social capital × two items;
 * its pulse keeps the first item of each cell.
 */
public record Instrument(String id, String name, String version, int scaleMin, int scaleMax, boolean builtin,
                         List<Item> items) {

    public static final String LIANDONG_ID = "liandong-1.0";

    public static final Instrument LIANDONG = liandong();

    public Instrument {
        items = List.copyOf(items);
    }

    public List<Item> items(Form form) {
        return form == Form.FULL ? items : items.stream().filter(Item::pulse).toList();
    }

    /** The scales of the form, parts before the scales made of them. */
    public List<Scale> scales(Form form) {
        var used = items(form);
        var scales = new ArrayList<Scale>();
        if (builtin) {
            for (var d : Dimension.values()) {
                for (var e : SocialCapital.values()) {
                    var parts = used.stream().filter(i -> i.dimension() == d && i.element() == e).map(Item::id)
                            .toList();
                    scales.add(new Scale(cellId(d, e), Scale.Level.CELL, parts, null,
                            d.name() + "×" + e.name()));
                }
            }
            for (var d : Dimension.values()) {
                scales.add(new Scale(dimensionId(d), Scale.Level.DIMENSION,
                        List.of(cellId(d, SocialCapital.TRUST_SCOPE), cellId(d, SocialCapital.RESOURCE_NETWORK),
                                cellId(d, SocialCapital.SOCIAL_RELATIONSHIPS)), d.messageKey(), d.name()));
            }
            for (var e : SocialCapital.values()) {
                scales.add(new Scale("element." + e.code(), Scale.Level.ELEMENT,
                        List.of(cellId(Dimension.PSYCHOLOGICAL, e), cellId(Dimension.ORGANISATIONAL, e),
                                cellId(Dimension.CULTURAL, e)), e.messageKey(), e.name()));
            }
            scales.add(new Scale(TOTAL, Scale.Level.TOTAL,
                    List.of(dimensionId(Dimension.PSYCHOLOGICAL), dimensionId(Dimension.ORGANISATIONAL),
                            dimensionId(Dimension.CULTURAL)), "resilience.scale.total", "total"));
            return scales;
        }
        var factors = new LinkedHashMap<String, List<String>>();
        for (var item : used) {
            factors.computeIfAbsent(item.factor(), f -> new ArrayList<>()).add(item.id());
        }
        factors.forEach((factor, parts) -> scales.add(new Scale("factor." + factor, Scale.Level.FACTOR, parts, null,
                factor)));
        scales.add(new Scale(TOTAL, Scale.Level.TOTAL, factors.keySet().stream().map(f -> "factor." + f).toList(),
                "resilience.scale.total", "total"));
        return scales;
    }

    public static final String TOTAL = "total";

    public static String dimensionId(Dimension d) {
        return "dimension." + d.name().toLowerCase(Locale.ROOT);
    }

    static String cellId(Dimension d, SocialCapital e) {
        return "cell." + d.name().toLowerCase(Locale.ROOT).substring(0, 3) + "." + e.code();
    }

    private static Instrument liandong() {
        var items = new ArrayList<Item>();
        int position = 1;
        for (var d : Dimension.values()) {
            for (var e : SocialCapital.values()) {
                for (int n = 1; n <= 2; n++) {
                    var id = d.name().toLowerCase(Locale.ROOT).substring(0, 3) + "." + e.code() + "." + n;
                    items.add(new Item(id, position++, cellId(d, e), d, e, n == 1, null));
                }
            }
        }
        return new Instrument(LIANDONG_ID, "联动社区韧性问卷", "1.0", 1, 5, true, items);
    }
}
