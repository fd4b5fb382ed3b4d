package org.liandong.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import org.liandong.community.PlaceWriter;

/**
 * Draws a community the way a committee does: 2–4 grids (第一网格…), building groups of two or three buildings
 * (1号楼组…), and six-storey buildings with two to four flats a floor (rooms 101…604), enough for the households
 * it must hold with a few flats standing empty. Addresses are on real roads of the area with invented numbers:
 * "东安路 562 弄 5 号" in Shanghai, "后湖大道 158 号 5 栋" in Wuhan.
 */
final class DemoNeighbourhood {

    static final int FLOORS = 6;
    private static final double OCCUPANCY = 0.93;
    private static final String[] GRID_NUMBERS = {"一", "二", "三", "四"};

    /** A community as drawn, before it is written. */
    record Plan(String communityCode, int grids, int groups, List<PlannedBuilding> buildings) {
    }

    /** A building as drawn: number, name, address, building group (0 = 1号楼组), rooms. */
    record PlannedBuilding(int number, String name, String address, int group, List<String> rooms) {
    }

    record Building(UUID id, int number, String name, int group, List<String> rooms) {
    }

    record Layout(String communityCode, List<Building> buildings, int groups) {
        Building building(int number) {
            return buildings.get(number - 1);
        }

        /** The layout of a plan whose buildings got their ids from {@code ids} (by building number). */
        static Layout of(Plan plan, IntFunction<UUID> ids) {
            return new Layout(plan.communityCode(), plan.buildings().stream()
                    .map(b -> new Building(ids.apply(b.number()), b.number(), b.name(), b.group(), b.rooms()))
                    .toList(), plan.groups());
        }
    }

    private final PlaceWriter places;

    DemoNeighbourhood(PlaceWriter places) {
        this.places = places;
    }

    /** Draws and writes the grids, building groups and buildings of a community with room for {@code households}. */
    Layout build(DemoCity city, String communityCode, int communityIndex, int households, RandomGenerator random) {
        return write(plan(city, communityCode, communityIndex, households, random));
    }

    static Plan plan(DemoCity city, String communityCode, int communityIndex, int households,
                     RandomGenerator random) {
        int flatsPerFloor = 2 + random.nextInt(3);
        int count = Math.max(2, (int) Math.ceil(households / (FLOORS * flatsPerFloor * OCCUPANCY)));
        var groupOf = groups(count, random);
        int groups = groupOf[count - 1] + 1;
        int grids = Math.max(2, Math.min(4, (int) Math.round(groups / 7.0)));
        var road = city.roads().get(communityIndex % city.roads().size());
        int number = city.lanes() ? 100 + random.nextInt(900) : 2 + random.nextInt(300);
        var rooms = rooms(flatsPerFloor);
        var buildings = new ArrayList<PlannedBuilding>(count);
        for (int b = 1; b <= count; b++) {
            var address = city.lanes() ? road + " " + number + " 弄 " + b + " 号" : road + " " + number + " 号 " + b + " 栋";
            buildings.add(new PlannedBuilding(b, b + city.buildingSuffix(), address, groupOf[b - 1], rooms));
        }
        return new Plan(communityCode, grids, groups, List.copyOf(buildings));
    }

    private Layout write(Plan plan) {
        var code = plan.communityCode();
        var gridIds = new ArrayList<UUID>();
        for (int g = 0; g < plan.grids(); g++) {
            gridIds.add(places.grid(code, "第" + GRID_NUMBERS[g] + "网格"));
        }
        var groupIds = new ArrayList<UUID>();
        for (int g = 0; g < plan.groups(); g++) {
            groupIds.add(places.buildingGroup(code, gridIds.get(g * plan.grids() / plan.groups()), (g + 1) + "号楼组"));
        }
        var ids = new ArrayList<UUID>();
        for (var b : plan.buildings()) {
            ids.add(places.building(code, groupIds.get(b.group()), b.name(), b.address()));
        }
        return Layout.of(plan, n -> ids.get(n - 1));
    }

    /** Building groups of two or three neighbouring buildings; index i holds the group of building i + 1. */
    static int[] groups(int buildings, RandomGenerator random) {
        var groupOf = new int[buildings];
        int group = 0;
        int inGroup = 0;
        int size = 2 + random.nextInt(2);
        for (int b = 0; b < buildings; b++) {
            // a single building left over joins the last group rather than standing alone
            if (inGroup == size && buildings - b > 1) {
                group++;
                inGroup = 0;
                size = 2 + random.nextInt(2);
            }
            groupOf[b] = group;
            inGroup++;
        }
        return groupOf;
    }

    static List<String> rooms(int flatsPerFloor) {
        var rooms = new ArrayList<String>(FLOORS * flatsPerFloor);
        for (int floor = 1; floor <= FLOORS; floor++) {
            for (int flat = 1; flat <= flatsPerFloor; flat++) {
                rooms.add(floor + "0" + flat);
            }
        }
        return List.copyOf(rooms);
    }
}
