package vn.hoinghi.media.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.media.capacity.Load.Resource;

/** Admission never over-commits, refuses only real shortfalls, and does not care how windows are cut. */
class AdmissionPropertiesTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final Load CAPACITY = new Load(120_000, 1_000, 4, 20);
    private final AdmissionCheck check = new AdmissionCheck(Clock.fixed(T0, ZoneOffset.UTC));

    @Provide
    Arbitrary<Reservation> reservation() {
        Arbitrary<Integer> start = Arbitraries.integers().between(0, 720);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 240);
        Arbitrary<Load> load = Combinators.combine(Arbitraries.longs().between(0, 60_000),
                Arbitraries.longs().between(0, 600), Arbitraries.longs().between(0, 3),
                Arbitraries.longs().between(0, 12)).as(Load::new);
        return Combinators.combine(start, length, load, Arbitraries.strings().alpha().ofLength(6))
                .as((s, len, l, id) -> new Reservation(id, at(s), at(s + len), l));
    }

    @Property
    void aLedgerNeverOverCommits(@ForAll @Size(max = 60) List<@From("reservation") Reservation> bookings) {
        RegionLedger ledger = new RegionLedger("North", CAPACITY, check);
        bookings.forEach(ledger::tryReserve);
        List<long[]> overs = new ArrayList<>();
        LoadSweep.sweep(ledger.reservations(), at(0), at(1_000), Load.ZERO, (a, b, usage) -> {
            for (Resource r : Resource.values()) {
                if (usage[r.ordinal()] > CAPACITY.get(r)) {
                    overs.add(usage.clone());
                }
            }
        });
        assertThat(overs).isEmpty();
    }

    @Property
    void aRefusalNamesARealShortfall(@ForAll @Size(max = 40) List<@From("reservation") Reservation> held,
                                     @ForAll("reservation") Reservation candidate) {
        AdmissionDecision d = check.check("North", CAPACITY, held, candidate);
        if (d instanceof AdmissionDecision.DoesNotFit refusal) {
            for (Shortfall s : refusal.shortfalls()) {
                long[] atStart = new long[1];
                LoadSweep.sweep(held, s.from(), s.from().plusMillis(1), candidate.load(),
                        (a, b, usage) -> atStart[0] = usage[s.resource().ordinal()]);
                assertThat(atStart[0] - CAPACITY.get(s.resource())).isBetween(1L, s.amount());
            }
        } else {
            assertThat(((AdmissionDecision.Fits) d).peak().pps()).isLessThanOrEqualTo(CAPACITY.pps());
        }
    }

    @Property
    void splittingTheCandidateWindowGivesTheSameAnswer(
            @ForAll @Size(max = 40) List<@From("reservation") Reservation> held,
            @ForAll("reservation") Reservation candidate, @ForAll @IntRange(min = 1, max = 999) int cutPermille) {
        long span = candidate.to().toEpochMilli() - candidate.from().toEpochMilli();
        Instant cut = candidate.from().plusMillis(Math.max(1, span * cutPermille / 1000));
        if (!cut.isBefore(candidate.to())) {
            return;
        }
        AdmissionDecision whole = check.check("North", CAPACITY, held, candidate);
        AdmissionDecision first = check.check("North", CAPACITY, held,
                new Reservation("p1", candidate.from(), cut, candidate.load()));
        AdmissionDecision second = check.check("North", CAPACITY, held,
                new Reservation("p2", cut, candidate.to(), candidate.load()));

        assertThat(whole.fits()).isEqualTo(first.fits() && second.fits());
        for (Resource r : Resource.values()) {
            Optional<Shortfall> w = shortfall(whole, r);
            Optional<Shortfall> a = shortfall(first, r);
            Optional<Shortfall> b = shortfall(second, r);
            assertThat(w.isPresent()).isEqualTo(a.isPresent() || b.isPresent());
            w.ifPresent(s -> {
                List<Shortfall> parts = new ArrayList<>();
                a.ifPresent(parts::add);
                b.ifPresent(parts::add);
                assertThat(s.amount()).isEqualTo(parts.stream().mapToLong(Shortfall::amount).max().orElseThrow());
                assertThat(s.from()).isEqualTo(parts.stream().map(Shortfall::from).min(Comparator.naturalOrder())
                        .orElseThrow());
                assertThat(s.to()).isEqualTo(parts.stream().map(Shortfall::to).max(Comparator.naturalOrder())
                        .orElseThrow());
            });
        }
    }

    @Property
    void splittingOrMergingAHeldReservationGivesTheSameAnswer(
            @ForAll @Size(min = 1, max = 40) List<@From("reservation") Reservation> held,
            @ForAll("reservation") Reservation candidate, @ForAll @IntRange(min = 1, max = 999) int cutPermille) {
        Reservation victim = held.get(0);
        long span = victim.to().toEpochMilli() - victim.from().toEpochMilli();
        Instant cut = victim.from().plusMillis(Math.max(1, span * cutPermille / 1000));
        if (!cut.isBefore(victim.to())) {
            return;
        }
        List<Reservation> split = new ArrayList<>(held.subList(1, held.size()));
        split.add(new Reservation("s1", victim.from(), cut, victim.load()));
        split.add(new Reservation("s2", cut, victim.to(), victim.load()));

        assertThat(check.check("North", CAPACITY, split, candidate))
                .isEqualTo(check.check("North", CAPACITY, held, candidate));
    }

    private static Optional<Shortfall> shortfall(AdmissionDecision d, Resource r) {
        return d instanceof AdmissionDecision.DoesNotFit n
                ? n.shortfalls().stream().filter(s -> s.resource() == r).findFirst() : Optional.empty();
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(minute * 60L);
    }
}
