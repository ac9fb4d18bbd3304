package vn.hoinghi.orchestrator.demo;

import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.sites.Region;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteKind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMinistryTest {
    private final List<Site> sites = DemoMinistry.sites();

    @Test
    void hasTheShapeOfTheMinistry() {
        Map<SiteKind, Long> byKind = sites.stream().collect(Collectors.groupingBy(Site::kind, Collectors.counting()));
        assertThat(byKind).containsEntry(SiteKind.HQ, 1L)
                .containsEntry(SiteKind.PROVINCE_JUSTICE, 34L)
                .containsEntry(SiteKind.PROVINCE_THADS, 34L)
                .containsEntry(SiteKind.REGIONAL_THADS, 355L);
        assertThat(byKind.get(SiteKind.DEPARTMENT)).isBetween(25L, 35L);
        assertThat(sites).hasSizeBetween(440, 470);
        long rooms = sites.stream().mapToLong(s -> s.roomSystems().size()).sum();
        assertThat(rooms).isBetween(100L, 140L);
    }

    @Test
    void provincesFollowTheThreeRegionsOf2025() {
        Map<Region, Long> provinces = sites.stream().filter(s -> s.kind() == SiteKind.PROVINCE_JUSTICE)
                .collect(Collectors.groupingBy(Site::region, Collectors.counting()));
        assertThat(provinces).containsEntry(Region.NORTH, 15L).containsEntry(Region.CENTRAL, 11L)
                .containsEntry(Region.SOUTH, 8L);
    }

    @Test
    void isTheSameOnEveryRun() {
        assertThat(DemoMinistry.sites()).isEqualTo(sites);
    }

    @Test
    void withCommunesTheMinistryHasAboutFourThousandSites() {
        List<Site> all = DemoMinistry.sites(true);
        assertThat(all.stream().filter(s -> s.kind() == SiteKind.COMMUNE)).hasSize(DemoMinistry.COMMUNES);
        assertThat(all).hasSizeBetween(3700, 4000);
        assertThat(all.stream().filter(s -> s.kind() != SiteKind.COMMUNE).toList())
                .as("communes leave the rest of the Ministry as it was").isEqualTo(sites);
    }

    @Test
    void regionalOfficesAreSharedOutExactly() {
        int[] share = DemoMinistry.shareOut(Province.load(), DemoMinistry.REGIONAL_OFFICES);
        assertThat(Arrays.stream(share).sum()).isEqualTo(DemoMinistry.REGIONAL_OFFICES);
        assertThat(Arrays.stream(share).min().orElseThrow()).isGreaterThanOrEqualTo(4);
    }
}
