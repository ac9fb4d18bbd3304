package vn.hoinghi.orchestrator.demo;

import vn.hoinghi.orchestrator.sites.Region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of the 34 provincial-level units in force since 1 July 2025, with the pre-2025 provinces merged into it
 * (shipped as {@code demo/provinces-2025.csv}; no field contains a comma).
 */
public record Province(String code, String nameVi, boolean city, Region region, List<String> constituents) {

    public static List<Province> load() {
        InputStream in = Province.class.getResourceAsStream("/demo/provinces-2025.csv");
        if (in == null) {
            throw new IllegalStateException("demo/provinces-2025.csv is missing from the build");
        }
        List<Province> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                out.add(new Province(f[0], f[1], f[2].equals("city"), Region.valueOf(f[3].toUpperCase(Locale.ROOT)),
                        List.of(f[4].split(";"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
