package vn.hoinghi.orchestrator.sites;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The directory as CSV: one site a line; room systems in one column as {@code PROTOCOL|address|max_resolution|name}
 * separated by {@code ;}. Export and import use the same columns, so an exported file re-imports unchanged.
 */
public final class SiteCsv {
    public static final List<String> COLUMNS = List.of("code", "name_vi", "kind", "region", "parent_code",
            "downlink_kbps", "uplink_kbps", "network", "contact_name", "contact_phone", "contact_email",
            "room_systems");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 8);
    /** Validation speaks in input paths; a CSV user thinks in columns. */
    private static final Map<String, String> COLUMN_OF = Map.of(
            "nameVi", "name_vi", "parentCode", "parent_code", "network.downlinkKbps", "downlink_kbps",
            "network.uplinkKbps", "uplink_kbps", "network.kind", "network", "contact.name", "contact_name",
            "contact.phone", "contact_phone", "contact.email", "contact_email");

    private SiteCsv() {
    }

    public static String columnOf(String field) {
        if (field.startsWith("roomSystems")) {
            return "room_systems";
        }
        return COLUMN_OF.getOrDefault(field, field);
    }

    public static ParsedFile read(String text) {
        List<ParsedFile.Line> lines = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (String column : REQUIRED) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    violations.add(Violation.of(column, "missing-column", SiteErrors.MISSING_COLUMN).atLine(1));
                }
            }
            if (!violations.isEmpty()) {
                return new ParsedFile(lines, violations);
            }
            Set<String> absent = absentColumns(parser.getHeaderMap().keySet());
            long previousEnd = 1;
            for (CSVRecord r : parser) {
                int line = (int) previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                List<Violation> here = new ArrayList<>();
                SiteInput input = toInput(r, here);
                lines.add(new ParsedFile.Line(line, input, absent, here.stream().map(v -> v.atLine(line)).toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote as an IOException wrapped in UncheckedIOException.
            violations.add(Violation.of("file", "unreadable", SiteErrors.BAD_ROW)
                    .atLine(lines.isEmpty() ? 1 : lines.get(lines.size() - 1).line() + 1));
        }
        return new ParsedFile(lines, violations);
    }

    /** Optional columns the header lacks: their fields keep the sites' current values. */
    private static Set<String> absentColumns(Set<String> header) {
        Set<String> absent = new HashSet<>();
        for (String field : KeptFields.ALL) {
            if (!header.contains(columnOf(field))) {
                absent.add(field);
            }
        }
        return Set.copyOf(absent);
    }

    private static SiteInput toInput(CSVRecord r, List<Violation> v) {
        return new SiteInput(get(r, "code"), get(r, "name_vi"), get(r, "kind"), get(r, "region"),
                get(r, "parent_code"),
                new SiteInput.Network(number(r, "downlink_kbps", v), number(r, "uplink_kbps", v), get(r, "network")),
                new Site.Contact(get(r, "contact_name"), get(r, "contact_phone"), get(r, "contact_email")),
                rooms(get(r, "room_systems"), v));
    }

    private static List<SiteInput.RoomSystemInput> rooms(String cell, List<Violation> v) {
        List<SiteInput.RoomSystemInput> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        for (String item : cell.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            String[] p = item.split("\\|", -1);
            if (p.length < 2 || p.length > 4) {
                v.add(Violation.of("room_systems", "bad-room-system", SiteErrors.BAD_ROOM_SYSTEM));
                continue;
            }
            Integer res = null;
            if (p.length > 2 && !p[2].isBlank()) {
                try {
                    res = Integer.valueOf(p[2].strip());
                } catch (NumberFormatException e) {
                    v.add(Violation.of("room_systems", "bad-resolution", SiteErrors.BAD_RESOLUTION));
                }
            }
            out.add(new SiteInput.RoomSystemInput(p.length > 3 ? p[3].strip() : null, p[0].strip(), p[1].strip(),
                    res));
        }
        return out;
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String value = r.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer number(CSVRecord r, String column, List<Violation> v) {
        String s = get(r, column);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.replace("_", ""));
        } catch (NumberFormatException e) {
            v.add(Violation.of(column, "not-a-number", SiteErrors.NOT_A_NUMBER));
            return null;
        }
    }

    public static String write(List<Site> sites) {
        StringBuilder out = new StringBuilder(sites.size() * 160);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Site s : sites) {
                printer.printRecord(s.code(), s.nameVi(), s.kind(), s.region(), s.parentCode(),
                        s.network().downlinkKbps(), s.network().uplinkKbps(), s.network().kind(),
                        s.contact().name(), s.contact().phone(), s.contact().email(), roomCell(s.roomSystems()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String roomCell(List<Site.RoomSystem> rooms) {
        List<String> items = new ArrayList<>();
        for (Site.RoomSystem r : rooms) {
            items.add(r.protocol() + "|" + r.address() + "|" + r.maxResolution() + "|" + r.name());
        }
        return String.join(";", items);
    }
}
