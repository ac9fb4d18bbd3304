package vn.hoinghi.media.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MediaNodeConfigCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sizeForTheDemoMinistryPrintsAFleetPerRegionWithAReasonForEachNumber() {
        Run r = run("size", "--demo-ministry");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("35 meeting(s)");
        for (String region : new String[] {"North", "Central", "South"}) {
            for (String kind : new String[] {"bridges", "visitor nodes", "Jibri SIP gateways", "Jigasi"}) {
                assertThat(r.out()).containsPattern("(?m)^" + region + " +" + kind + " +\\d+ +\\S.*/");
            }
        }
        assertThat(r.out()).contains("pps per bridge (stress 0.8 × 50,000)").contains("shards (Prosody+Jicofo)");
    }

    @Test
    void sizeJsonAndParameterOverrides() {
        Run base = run("size", "--demo-ministry", "--json");
        Run bigger = run("size", "--demo-ministry", "--json", "-p", "bridgeStressPps=100000");
        assertThat(base.out()).contains("\"region\": \"North\"").contains("\"BRIDGE\"");
        assertThat(bigger.code()).isZero();
        assertThat(bigger.out()).contains("80,000 pps per bridge").isNotEqualTo(base.out());
    }

    @Test
    void planPrintsTableJsonAndAutoscalerRequests() {
        assertThat(run("plan", "examples/demand.yaml").out()).containsPattern("2026-12-01 07:45 +North +2 ");
        assertThat(run("plan", "examples/demand.yaml", "--format", "json").out()).contains("\"slotMinutes\": 15");
        assertThat(run("plan", "examples/demand.yaml", "--format", "autoscaler").out())
                .contains("\"path\": \"/groups/options/full-scaling\"").contains("\"instanceType\": \"sip-jibri\"");
    }

    @Test
    void renderWritesTheFleetDirectory() {
        Run r = run("render", "examples/fleet.yaml", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(tmp.resolve("prosody/s2/prosody.cfg.lua")).exists();
        assertThat(tmp.resolve("jicofo/s2/jicofo.conf")).exists();
        assertThat(tmp.resolve("prosody-visitor/v3/prosody.cfg.lua")).exists();
        assertThat(tmp.resolve("jigasi/jigasi-south/jigasi.conf")).exists();
        assertThat(tmp.resolve("jvb/jvb-south-2/jvb.conf")).exists();
    }

    @Test
    void badYamlGivesLineAndFieldAndNoStackTrace() throws Exception {
        Path bad = tmp.resolve("demand.yaml");
        Files.writeString(bad, "meetings:\n  - name: x\n    host: North\n    sites: { North: many }\n");
        Run r = run("size", bad.toString());
        assertThat(r.code()).isEqualTo(MediaNodeConfigCli.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: demand.yaml:4: meetings[0].sites.North: expected a whole number, "
                + "got 'many'\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingFileOrUnknownParameterIsAnErrorLineToo() {
        Run missing = run("size", tmp.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(MediaNodeConfigCli.BAD_INPUT);
        assertThat(missing.err()).startsWith("error: no such file: ").doesNotContain("\tat ");
        Run param = run("size", "--demo-ministry", "-p", "bridgePps=1");
        assertThat(param.err()).startsWith("error: unknown capacity parameter 'bridgePps'").doesNotContain("\tat ");
    }
}
