package org.liandong.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

    record Building(UUID id, int number, String name, int group, List<String> rooms) {
    }

    record Layout(String communityCode, List<Building> buildings, int groups) {
        Building building(int number) {
            return buildings.get(number - 1);
        }
    }

    private final PlaceWriter places;

    DemoNeighbourhood(PlaceWriter places) {
        this.places = places;
    }

    /** Writes the grids, building groups and buildings of a community with room for {@code households}. */
    Layout build(DemoCity city, String communityCode, int communityIndex, int households, RandomGenerator random) {
        int flatsPerFloor = 2 + random.nextInt(3);
        int buildings = Math.max(2, (int) Math.ceil(households / (FLOORS * flatsPerFloor * OCCUPANCY)));
        var groupOf = groups(buildings, random);
        int groups = groupOf[buildings - 1] + 1;
        int grids = Math.max(2, Math.min(4, (int) Math.round(groups / 7.0)));
        var road = city.roads().get(communityIndex % city.roads().size());
        int number = city.lanes() ? 100 + random.nextInt(900) : 2 + random.nextInt(300);

        var gridIds = new ArrayList<UUID>();
        for (int g = 0; g < grids; g++) {
            gridIds.add(places.grid(communityCode, "第" + GRID_NUMBERS[g] + "网格"));
        }
        var groupIds = new ArrayList<UUID>();
        for (int g = 0; g < groups; g++) {
            groupIds.add(places.buildingGroup(communityCode, gridIds.get(g * grids / groups), (g + 1) + "号楼组"));
        }
        var result = new ArrayList<Building>(buildings);
        for (int b = 1; b <= buildings; b++) {
            var name = b + city.buildingSuffix();
            var address = city.lanes() ? road + " " + number + " 弄 " + b + " 号" : road + " " + number + " 号 " + b + " 栋";
            var id = places.building(communityCode, groupIds.get(groupOf[b - 1]), name, address);
            result.add(new Building(id, b, name, groupOf[b - 1], rooms(flatsPerFloor)));
        }
        return new Layout(communityCode, List.copyOf(result), groups);
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
