package vn.hoinghi.orchestrator.sites;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The directory as a JSON array of sites (the API's own shape). Elements are located with a streaming parser so
 * each error names the line its element starts on, then bound one by one: a bad element spoils only itself.
 */
@Singleton
public class SiteJson {
    private static final Violation NOT_AN_ARRAY = Violation.of("file", "not-an-array", SiteErrors.NOT_AN_ARRAY);
    private final JsonMapper json;
    private final JsonFactory factory = new JsonFactory();

    public SiteJson(JsonMapper json) {
        this.json = json;
    }

    public ParsedFile read(String text) {
        List<ParsedFile.Line> lines = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return new ParsedFile(lines, List.of(NOT_AN_ARRAY.atLine(1)));
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr();
                int start = (int) p.currentTokenLocation().getCharOffset();
                Set<String> present = presentKeys(p);
                int end = (int) p.currentLocation().getCharOffset();
                Set<String> absent = new HashSet<>(KeptFields.ALL);
                absent.removeAll(present);
                try {
                    lines.add(new ParsedFile.Line(line, json.readValue(text.substring(start, end), SiteInput.class),
                            Set.copyOf(absent)));
                } catch (IOException | RuntimeException e) {
                    violations.add(Violation.of("site", "unreadable", SiteErrors.BAD_ROW).atLine(line));
                }
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                violations.add(NOT_AN_ARRAY.atLine(p.currentTokenLocation().getLineNr()));
            }
        } catch (IOException e) {
            violations.add(Violation.of("file", "unreadable", SiteErrors.BAD_ROW)
                    .atLine(lines.isEmpty() ? 1 : lines.get(lines.size() - 1).line() + 1));
        }
        return new ParsedFile(lines, violations);
    }

    /**
     * Reads one element's keys up to its closing brace: top-level keys, and {@code contact.*} inside a contact
     * object. {@code "contact": null} names every contact field (it clears them); a missing key keeps its value.
     */
    private static Set<String> presentKeys(JsonParser p) throws IOException {
        Set<String> present = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            present.add(name);
            JsonToken value = p.nextToken();
            if (name.equals("contact") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    present.add("contact." + p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            } else if (name.equals("contact") && value == JsonToken.VALUE_NULL) {
                present.addAll(List.of(KeptFields.CONTACT_NAME, KeptFields.CONTACT_PHONE, KeptFields.CONTACT_EMAIL));
            } else {
                p.skipChildren();
            }
        }
        return present;
    }

    public String write(List<Site> sites) {
        try {
            return json.writeValueAsString(sites.stream().map(SiteInput::of).toList());
        } catch (IOException e) {
            throw new IllegalStateException("sites are always serialisable", e);
        }
    }
}
