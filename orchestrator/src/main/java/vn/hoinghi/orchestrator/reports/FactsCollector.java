package vn.hoinghi.orchestrator.reports;

import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.provisioning.RoomNames;

import java.time.Duration;
import java.util.Optional;

/**
 * Gathers a meeting's facts: telemetry first (an HTTP call, outside any transaction), then the database rows.
 * Quality is read from 15 min before the start to 15 min after the end, the window the room exists in.
 */
@Singleton
public class FactsCollector {
    private static final Duration MARGIN = Duration.ofMinutes(15);
    private final FactsAssembler assembler;
    private final QualitySource quality;

    public FactsCollector(FactsAssembler assembler, QualitySource quality) {
        this.assembler = assembler;
        this.quality = quality;
    }

    public Optional<MeetingFacts> collect(long meetingId) {
        return assembler.meeting(meetingId).map(m -> assembler.assemble(m, quality.minutes(RoomNames.of(m.id()),
                m.start().toInstant().minus(MARGIN), m.end().toInstant().plus(MARGIN))));
    }
}
